namespace Oompa.Algorithms.Extrema;

/// <summary>Which outputs <see cref="ExtremaFinder"/> writes; the member that is not written must be absent (null).</summary>
public enum ExtremaResult
{
    /// <summary>Only <see cref="ExtremaOutput.Values"/>.</summary>
    Value,

    /// <summary>Only <see cref="ExtremaOutput.Locations"/>.</summary>
    Location,

    /// <summary>Both <see cref="ExtremaOutput.Values"/> and <see cref="ExtremaOutput.Locations"/>.</summary>
    Both,
}
