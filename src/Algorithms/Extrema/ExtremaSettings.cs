namespace Oompa.Algorithms.Extrema;

/// <summary>What <see cref="ExtremaFinder"/> looks for, where, what it reports and how precisely.</summary>
/// <param name="Type">Which extremum (max, min, largest magnitude).</param>
/// <param name="Location">Where in each signal to search.</param>
/// <param name="Result">Which outputs to write.</param>
/// <param name="Precision">How locations are refined; must be <see cref="ExtremaPrecision.Integer"/> when only values are written.</param>
public sealed record ExtremaSettings(ExtremaType Type, SearchRegion Location, ExtremaResult Result, ExtremaPrecision Precision = ExtremaPrecision.Integer)
{
    /// <summary>Where in each signal to search.</summary>
    public SearchRegion Location { get; init; } = Location ?? throw new ArgumentNullException(nameof(Location));

    /// <summary>Whether <see cref="ExtremaOutput.Values"/> is written.</summary>
    public bool WritesValues => Result is ExtremaResult.Value or ExtremaResult.Both;

    /// <summary>Whether <see cref="ExtremaOutput.Locations"/> is written.</summary>
    public bool WritesLocations => Result is ExtremaResult.Location or ExtremaResult.Both;

    /// <summary>The maximum of each whole signal, value and integer location.</summary>
    public static ExtremaSettings MaxOfEntire { get; } = new(ExtremaType.Max, SearchRegion.Entire, ExtremaResult.Both);
}
