namespace Oompa.Algorithms.Extrema;

/// <summary>
/// How locations are refined around the integer extremum. Refinement works on scores (see <see cref="ExtremaType"/>),
/// never leaves the search box, and only changes locations: the reported value is always the integer extremum's value.
/// When the extremum's score is not a positive finite number, every precision reports the integer location.
/// </summary>
public enum ExtremaPrecision
{
    /// <summary>The integer coordinates of the extremum.</summary>
    Integer,

    /// <summary>
    /// Weighted centroid over the 3 / 3×3 / 3×3×3 neighbourhood of the integer extremum, clipped at the search box:
    /// x̂ = Σ x·w / Σ w with w = max(0, s/s_ext) (NaN neighbours skipped), the same for y and z.
    /// </summary>
    Weighted3x3,

    /// <summary>
    /// FlexAlign/Xmipp centroid: a window of half-size n = 1, 2, … grows around the integer extremum (only along axes
    /// on which the search box is longer than one) until it leaves the search box or contains a score below
    /// s_ext/√2 (or NaN); that stopping half-size, shrunk symmetrically to fit inside the search box, gives the window
    /// over which x̂ = Σ x·w / Σ w with w = max(0, s) (NaN skipped). See docs/extrema.md.
    /// </summary>
    Centroid,

    /// <summary>
    /// A least-squares quadratic with cross terms fitted to the logarithms of the scores over the full 3 / 3×3 / 3×3×3
    /// neighbourhood (to the scores themselves when one is not positive); the location is its vertex. When the vertex lies
    /// more than half an element away, the neighbourhood is re-centred on the element nearest it and fitted again (up to
    /// three times), since the largest sample of an elongated, tilted peak need not be the element nearest its centre. Exact for Gaussian peaks of any width and orientation, so it suits the
    /// broad correlation peaks of smooth images, where the centroids are biased towards the integer pixel. Where the
    /// neighbourhood is clipped by the search box or holds NaN, each axis falls back to a three-point fit along that
    /// axis, and an axis on which the extremum touches the border keeps its integer coordinate.
    /// </summary>
    GaussianFit3,
}
