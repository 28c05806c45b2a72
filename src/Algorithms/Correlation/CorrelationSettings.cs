namespace Oompa.Algorithms.Correlation;

/// <summary>How <see cref="Correlation"/> pairs images and whether it centres the result.</summary>
/// <param name="Mode">
/// Which pairs are correlated and the output order (see <see cref="CorrelationMode"/> and <see cref="CorrelationPairs"/>).
/// Chosen here, never inferred from the payloads (two payloads on the same memory are still all pairs).
/// </param>
/// <param name="Center">
/// Multiply every product by (−1)^(x+y+z), x, y, z being unshifted frequency indices, so that after the inverse FFT a
/// zero shift lands at the middle (X/2, Y/2, Z/2). Needs even spatial sizes on every axis longer than one; the output
/// state gets Centered.
/// </param>
public sealed record CorrelationSettings(CorrelationMode Mode, bool Center = false);
