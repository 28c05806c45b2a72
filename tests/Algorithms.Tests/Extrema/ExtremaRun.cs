using Oompa.Algorithms.Extrema;
using Oompa.Algorithms.Tests.Support;
using Oompa.Core.Algorithms;
using Oompa.Core.Data;

namespace Oompa.Algorithms.Tests.Extrema;

/// <summary>Runs one ExtremaFinder strategy on guarded payloads and checks that nothing outside the outputs changed.</summary>
public static class ExtremaRun
{
    /// <summary>Poison written into the input's padding: any read of it changes the answer of every extrema type.</summary>
    public const float PaddingPoison = 1e30f;

    /// <summary>Values (null when not written) and locations as (x, y, z) triples (null when not written).</summary>
    public static (float[]? Values, float[]? Locations) Run(
        StrategyFactory<ExtremaOutput, ExtremaInput, ExtremaSettings> strategy, LogicalDescriptor layout, float[] logical, ExtremaSettings settings)
    {
        using var input = new GuardedPayload<LogicalDescriptor>(layout, DataType.Float32, "data");
        var span = input.Span<float>();
        for (int i = 0; i < span.Length; i++)
        {
            span[i] = (i & 1) == 0 ? PaddingPoison : -PaddingPoison;
        }

        input.SetLogical<float>(logical);
        float[] before = span.ToArray();
        using var values = new GuardedPayload<LogicalDescriptor>(ExtremaFinder.ValuesDescriptor(layout), DataType.Float32, "values");
        using var locations = new GuardedPayload<LogicalDescriptor>(ExtremaFinder.LocationsDescriptor(layout), DataType.Float32, "locations");
        var output = new ExtremaOutput(settings.WritesValues ? values.Payload : null, settings.WritesLocations ? locations.Payload : null);
        var wrapper = new ExtremaInput(input.Payload);

        using var algorithm = new ExtremaFinder([strategy]);
        algorithm.Init(output, wrapper, settings).ThrowIfFailed();
        algorithm.Execute(output, wrapper);
        algorithm.Synchronize();

        Assert.Equal(before, input.Span<float>().ToArray());
        input.AssertGuardsIntact();
        values.AssertGuardsIntact();
        locations.AssertGuardsIntact();
        return (settings.WritesValues ? values.GetLogical<float>() : null, settings.WritesLocations ? locations.GetLogical<float>() : null);
    }
}
