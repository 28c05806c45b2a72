namespace Oompa.Algorithms.Extrema;

/// <summary>Where in each signal <see cref="ExtremaFinder"/> searches.</summary>
public enum SearchRegionKind
{
    /// <summary>The whole signal.</summary>
    Entire,

    /// <summary>A box of given extent at a given start position.</summary>
    Window,

    /// <summary>A box of given extent centred on the signal centre (X/2, Y/2, Z/2).</summary>
    CenteredRectangle,
}
