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
    /// Per axis, a three-point fit through the extremum and its two neighbours along that axis: a Gaussian (a parabola
    /// through the logarithms of the scores) when all three scores are positive, else a parabola through the scores.
    /// The vertex offset is clamped to ±0.5. An axis on which the extremum touches the search-box border, or a neighbour
    /// is NaN, keeps its integer coordinate. Exact for separable Gaussian peaks of any width, so it suits the broad
    /// correlation peaks of smooth images, where the centroids are biased towards the integer pixel.
    /// </summary>
    GaussianFit3,
}
