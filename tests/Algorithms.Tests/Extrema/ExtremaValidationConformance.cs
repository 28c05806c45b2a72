using Oompa.Algorithms.Extrema;
using Oompa.Algorithms.Tests.Support;
using Oompa.Core.Algorithms;
using Oompa.Core.Data;
using Oompa.Core.Devices;

namespace Oompa.Algorithms.Tests.Extrema;

/// <summary>Requests every ExtremaFinder strategy must decline, with reasons naming member and field.</summary>
public abstract class ExtremaValidationConformance
{
    private static readonly LogicalDescriptor Input = new(new Size(10, 8, 1, 4));

    /// <summary>The single strategy under test.</summary>
    protected abstract StrategyFactory<ExtremaOutput, ExtremaInput, ExtremaSettings> Strategy { get; }

    private static Payload<LogicalDescriptor> Describe(LogicalDescriptor d, DataType? type = null, string name = "p") =>
        Payload<LogicalDescriptor>.Describe(d, type ?? DataType.Float32, name);

    private static ExtremaOutput Both() =>
        new(Describe(ExtremaFinder.ValuesDescriptor(Input)), Describe(ExtremaFinder.LocationsDescriptor(Input)));

    private InitResult Init(ExtremaOutput output, ExtremaSettings settings, Payload<LogicalDescriptor>? data = null)
    {
        using var algorithm = new ExtremaFinder([Strategy]);
        var result = algorithm.Init(output, new ExtremaInput(data ?? Describe(Input)), settings);
        Assert.False(result.Success, "the request should have been declined");
        return result;
    }

    private static void AssertProblem(InitResult result, params string[] fragments) =>
        Assert.Contains(result.RequestProblems.Concat(result.Decisions.SelectMany(d => d.Reasons)), p => fragments.All(f => p.Contains(f, StringComparison.Ordinal)));

    [Fact]
    public void Accepts_a_well_formed_request_and_describes_outputs()
    {
        using var algorithm = new ExtremaFinder([Strategy]);
        Assert.True(algorithm.Init(Both(), new ExtremaInput(Describe(Input)), ExtremaSettings.MaxOfEntire).Success);
        Assert.Equal(new Size(1, 1, 1, 4), ExtremaFinder.ValuesDescriptor(Input).Size);
        Assert.Equal(new Size(3, 1, 1, 4), ExtremaFinder.LocationsDescriptor(Input).Size);
    }

    [Fact]
    public void Declines_wrong_element_types_naming_member_and_field()
    {
        AssertProblem(Init(Both(), ExtremaSettings.MaxOfEntire, Describe(Input, DataType.Float64)), "'Data'", "Physical.Type", "Float64");
        var output = new ExtremaOutput(Describe(ExtremaFinder.ValuesDescriptor(Input), DataType.Complex32), Describe(ExtremaFinder.LocationsDescriptor(Input), DataType.Float64));
        var result = Init(output, ExtremaSettings.MaxOfEntire);
        AssertProblem(result, "'Values'", "Physical.Type", "Complex32");
        AssertProblem(result, "'Locations'", "Physical.Type", "Float64");
    }

    [Fact]
    public void Declines_outputs_missing_or_present_against_result()
    {
        var values = Describe(ExtremaFinder.ValuesDescriptor(Input));
        var locations = Describe(ExtremaFinder.LocationsDescriptor(Input));
        AssertProblem(Init(new ExtremaOutput(values, null), ExtremaSettings.MaxOfEntire), "'Locations' is absent", "Both");
        AssertProblem(Init(new ExtremaOutput(null, locations), new ExtremaSettings(ExtremaType.Max, SearchRegion.Entire, ExtremaResult.Value)), "'Values' is absent", "Value");
        AssertProblem(Init(Both(), new ExtremaSettings(ExtremaType.Max, SearchRegion.Entire, ExtremaResult.Value)), "'Locations' is present", "pass null");
        AssertProblem(Init(Both(), new ExtremaSettings(ExtremaType.Max, SearchRegion.Entire, ExtremaResult.Location)), "'Values' is present");
    }

    [Fact]
    public void Declines_output_descriptors_of_the_wrong_shape_naming_the_field()
    {
        var output = new ExtremaOutput(
            Describe(new LogicalDescriptor(new Size(1, 1, 1, 3))),
            Describe(new LogicalDescriptor(new Size(2, 1, 1, 4), new Padding(0, 1))));
        var result = Init(output, ExtremaSettings.MaxOfEntire);
        AssertProblem(result, "'Values'", "Size.N is 3, expected 4");
        AssertProblem(result, "'Locations'", "Size.X is 2, expected 3");
        AssertProblem(result, "'Locations'", "Padding");
    }

    [Fact]
    public void Declines_search_boxes_outside_the_signal_and_precision_without_locations()
    {
        var window = SearchRegion.Window(new Size(4, 3), 7, 6);
        var result = Init(Both(), new ExtremaSettings(ExtremaType.Max, window, ExtremaResult.Both));
        AssertProblem(result, "settings: Location Window", "along X", "[7, 11)", "Size.X = 10");
        AssertProblem(result, "along Y", "[6, 9)", "Size.Y = 8");

        var centred = SearchRegion.CenteredRectangle(new Size(11, 8));
        AssertProblem(Init(Both(), new ExtremaSettings(ExtremaType.Min, centred, ExtremaResult.Both)), "CenteredRectangle", "Size.X = 10");

        var output = new ExtremaOutput(Describe(ExtremaFinder.ValuesDescriptor(Input)), null);
        AssertProblem(Init(output, new ExtremaSettings(ExtremaType.Max, SearchRegion.Entire, ExtremaResult.Value, ExtremaPrecision.Weighted3x3)), "Precision is Weighted3x3", "Result is Value");
        AssertProblem(Init(Both(), new ExtremaSettings((ExtremaType)7, SearchRegion.Entire, ExtremaResult.Both)), "settings: Type 7");
        Assert.Throws<ArgumentOutOfRangeException>(() => SearchRegion.Window(new Size(2, 2, 1, 2), 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => SearchRegion.Window(new Size(2), -1));
    }

    [Fact]
    public void Execute_rejects_payloads_that_differ_from_init()
    {
        using var data = new GuardedPayload<LogicalDescriptor>(Input, DataType.Float32, "data");
        using var other = new GuardedPayload<LogicalDescriptor>(Input.WithN(5), DataType.Float32, "other");
        using var values = new GuardedPayload<LogicalDescriptor>(ExtremaFinder.ValuesDescriptor(Input), DataType.Float32, "values");
        using var algorithm = new ExtremaFinder([Strategy]);
        var output = new ExtremaOutput(values.Payload, null);
        var settings = new ExtremaSettings(ExtremaType.Max, SearchRegion.Entire, ExtremaResult.Value);
        algorithm.Init(output, new ExtremaInput(data.Payload), settings).ThrowIfFailed();
        var error = Assert.Throws<ArgumentException>(() => algorithm.Execute(output, new ExtremaInput(other.Payload)));
        Assert.Contains("Size.N is 5, expected 4", error.Message, StringComparison.Ordinal);
        values.AssertGuardsIntact();
    }
}

public sealed class CpuSingleThreadedExtremaValidationTests : ExtremaValidationConformance
{
    protected override StrategyFactory<ExtremaOutput, ExtremaInput, ExtremaSettings> Strategy =>
        ExtremaFinderStrategies.Cpu(new CpuDevice(4)).Single(f => f.Name == ExtremaFinderStrategies.CpuSingleThreaded);
}

public sealed class CpuMultiThreadedExtremaValidationTests : ExtremaValidationConformance
{
    protected override StrategyFactory<ExtremaOutput, ExtremaInput, ExtremaSettings> Strategy =>
        ExtremaFinderStrategies.Cpu(new CpuDevice(4)).Single(f => f.Name == ExtremaFinderStrategies.CpuMultiThreaded);
}

public sealed class OpenClExtremaValidationTests : ExtremaValidationConformance
{
    protected override StrategyFactory<ExtremaOutput, ExtremaInput, ExtremaSettings> Strategy =>
        ExtremaFinderStrategies.OpenCl(OpenClTestDevice.Device).Single();
}
