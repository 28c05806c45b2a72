using Microsoft.Extensions.Logging;
using Oompa.Core.Algorithms;
using Oompa.Core.Data;

namespace Oompa.Algorithms.Correlation;

/// <summary>
/// Cross-correlation in the Fourier domain: for each pair (i, j) of <see cref="CorrelationPairs"/>, every coefficient of
/// the output is a·conj(b), a from Data1 image i and b from Data2 image j (Data1 image j for
/// <see cref="CorrelationMode.WithinBatch"/>): re = a.re·b.re + a.im·b.im, im = a.im·b.re − a.re·b.im; optionally times
/// (−1)^(x+y+z) (<see cref="CorrelationSettings.Center"/>). Works on Complex32 spectra, Hermitian half or full, 1D–3D.
/// </summary>
/// <remarks>
/// After the inverse FFT, correlating image i with image j gives a peak at the displacement of i relative to j: when
/// Data1[i](p) = Data2[j](p − s) (circularly), the peak is at s mod L, or at L/2 + s with centring.
/// The output state is the inputs' Shifted and FullSpectrum flags plus Centered when centring; Normalized is not
/// carried over, since the product's scale is the product of the inputs' scales.
/// </remarks>
public sealed class Correlation : Algorithm<CorrelationOutput, CorrelationInput, CorrelationSettings>
{
    /// <summary>Creates the algorithm over the given strategies, asked in order.</summary>
    public Correlation(IEnumerable<StrategyFactory<CorrelationOutput, CorrelationInput, CorrelationSettings>> strategies, ILogger<Correlation>? logger = null)
        : base(strategies, logger)
    {
    }

    /// <summary>The output state for inputs in <paramref name="input"/> state.</summary>
    public static FourierState OutputState(FourierState input, CorrelationSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var state = input & (FourierState.FullSpectrum | FourierState.Shifted);
        return settings.Center ? state | FourierState.Centered : state;
    }

    /// <summary>
    /// The descriptor the output must have: Data1's spatial X, Y, Z, one image per pair
    /// (<see cref="CorrelationPairs.Count"/>), frequency domain, <see cref="OutputState"/>.
    /// </summary>
    /// <param name="data1">Data1's descriptor.</param>
    /// <param name="data2">Data2's descriptor for AllPairs; null for WithinBatch.</param>
    /// <param name="settings">The settings that will be used.</param>
    /// <param name="frequencyPadding">Padding of the output's coefficients.</param>
    /// <param name="spatialPadding">Padding of the output's spatial layout (for a later inverse FFT).</param>
    /// <exception cref="ArgumentException">The mode needs Data2 and it is null, or there are no pairs.</exception>
    public static FourierDescriptor OutputDescriptor(
        FourierDescriptor data1,
        FourierDescriptor? data2,
        CorrelationSettings settings,
        Padding frequencyPadding = default,
        Padding spatialPadding = default)
    {
        ArgumentNullException.ThrowIfNull(data1);
        ArgumentNullException.ThrowIfNull(settings);
        if (settings.Mode == CorrelationMode.AllPairs && data2 is null)
        {
            throw new ArgumentException("AllPairs correlates Data1 against Data2; pass Data2's descriptor.", nameof(data2));
        }

        long count = CorrelationPairs.For(settings.Mode, data1.SpatialSize.N, data2?.SpatialSize.N ?? 0).Count;
        if (count < 1 || count > int.MaxValue)
        {
            throw new ArgumentException($"{settings.Mode} over {data1.SpatialSize.N} and {data2?.SpatialSize.N} images gives {count} outputs; a batch holds 1 to {int.MaxValue}.", nameof(data1));
        }

        return new FourierDescriptor(
            data1.SpatialSize.WithN((int)count),
            FourierDomain.Frequency,
            OutputState(data1.State, settings),
            spatialPadding,
            frequencyPadding);
    }

    /// <inheritdoc />
    protected override void ValidateRequest(CorrelationOutput output, CorrelationInput input, CorrelationSettings settings, ICollection<string> problems) =>
        CorrelationValidation.Validate(output, input, settings, problems);
}
