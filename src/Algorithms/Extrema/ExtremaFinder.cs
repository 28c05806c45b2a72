using Microsoft.Extensions.Logging;
using Oompa.Core.Algorithms;
using Oompa.Core.Data;

namespace Oompa.Algorithms.Extrema;

/// <summary>
/// Finds, per signal of a Float32 batch, the extremum (max, min or largest magnitude) inside a search region: its value
/// and/or its location in the input's frame, optionally refined to sub-pixel precision. NaNs are ignored; a region of
/// NaNs only gives the value NaN and the location (NaN, NaN, NaN). Ties go to the lowest linear index (z, then y,
/// then x order). See docs/extrema.md.
/// </summary>
public sealed class ExtremaFinder : Algorithm<ExtremaOutput, ExtremaInput, ExtremaSettings>
{
    /// <summary>Creates the algorithm over the given strategies, asked in order.</summary>
    public ExtremaFinder(IEnumerable<StrategyFactory<ExtremaOutput, ExtremaInput, ExtremaSettings>> strategies, ILogger<ExtremaFinder>? logger = null)
        : base(strategies, logger)
    {
    }

    /// <summary>The descriptor of <see cref="ExtremaOutput.Values"/>: one element per signal, Size 1×1×1×N, no padding.</summary>
    public static LogicalDescriptor ValuesDescriptor(LogicalDescriptor input)
    {
        ArgumentNullException.ThrowIfNull(input);
        return new LogicalDescriptor(new Size(1, 1, 1, input.Size.N));
    }

    /// <summary>The descriptor of <see cref="ExtremaOutput.Locations"/>: an (x, y, z) triple per signal, Size 3×1×1×N, no padding.</summary>
    public static LogicalDescriptor LocationsDescriptor(LogicalDescriptor input)
    {
        ArgumentNullException.ThrowIfNull(input);
        return new LogicalDescriptor(new Size(3, 1, 1, input.Size.N));
    }

    /// <inheritdoc />
    protected override void ValidateRequest(ExtremaOutput output, ExtremaInput input, ExtremaSettings settings, ICollection<string> problems)
    {
        var data = input.Data;
        if (data.Physical.Type != DataType.Float32)
        {
            problems.Add($"member 'Data': Physical.Type is {data.Physical.Type}; ExtremaFinder supports Float32.");
        }

        if (!ValidateSettings(settings, problems))
        {
            return;
        }

        var size = data.Descriptor.Size;
        if (settings.Location.Resolve(size) is null)
        {
            foreach (string misfit in settings.Location.Misfits(size))
            {
                problems.Add($"settings: Location {settings.Location} does not fit inside member 'Data': {misfit}.");
            }
        }

        ValidateMember("Values", output.Values, settings.WritesValues, ValuesDescriptor(data.Descriptor), settings.Result, problems);
        ValidateMember("Locations", output.Locations, settings.WritesLocations, LocationsDescriptor(data.Descriptor), settings.Result, problems);
    }

    /// <summary>Adds settings problems; returns whether the settings are usable for the member checks that follow.</summary>
    private static bool ValidateSettings(ExtremaSettings settings, ICollection<string> problems)
    {
        int before = problems.Count;
        if (!Enum.IsDefined(settings.Type))
        {
            problems.Add($"settings: Type {(int)settings.Type} is not an {nameof(ExtremaType)}.");
        }

        if (!Enum.IsDefined(settings.Result))
        {
            problems.Add($"settings: Result {(int)settings.Result} is not an {nameof(ExtremaResult)}.");
        }

        if (!Enum.IsDefined(settings.Precision))
        {
            problems.Add($"settings: Precision {(int)settings.Precision} is not an {nameof(ExtremaPrecision)}.");
        }

        if (settings.Location is null)
        {
            problems.Add("settings: Location is null; use SearchRegion.Entire to search whole signals.");
        }

        bool usable = problems.Count == before;
        if (settings.Result == ExtremaResult.Value && settings.Precision != ExtremaPrecision.Integer)
        {
            problems.Add($"settings: Precision is {settings.Precision}, but Result is Value: precision refines locations only, and values are always those of the integer extremum.");
        }

        return usable;
    }

    private static void ValidateMember(string name, Payload<LogicalDescriptor>? payload, bool needed, LogicalDescriptor expected, ExtremaResult result, ICollection<string> problems)
    {
        if (payload is null)
        {
            if (needed)
            {
                problems.Add($"member '{name}' is absent, but settings Result is {result}, which writes it.");
            }

            return;
        }

        if (!needed)
        {
            problems.Add($"member '{name}' is present, but settings Result is {result}, which does not write it; pass null.");
            return;
        }

        if (payload.Physical.Type != DataType.Float32)
        {
            problems.Add($"member '{name}': Physical.Type is {payload.Physical.Type}; ExtremaFinder writes Float32.");
        }

        var actual = payload.Descriptor.Fields;
        var wanted = expected.Fields;
        for (int i = 0; i < actual.Count; i++)
        {
            if (actual[i].Value != wanted[i].Value)
            {
                problems.Add($"member '{name}': {actual[i].Key} is {actual[i].Value}, expected {wanted[i].Value} (see ExtremaFinder.{name}Descriptor).");
            }
        }
    }
}
