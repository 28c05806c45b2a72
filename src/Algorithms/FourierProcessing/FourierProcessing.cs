using Microsoft.Extensions.Logging;
using Oompa.Core.Algorithms;
using Oompa.Core.Data;

namespace Oompa.Algorithms.FourierProcessing;

/// <summary>
/// Element-wise processing of batched Hermitian-half spectra (1D, 2D, 3D): Fourier-domain crop (spatial downscaling),
/// normalisation, centring, fftshift along Y and Z, a filter payload, a Gaussian low-pass and a maximum-frequency cut,
/// in one pass. The output descriptor carries the resulting <see cref="FourierState"/>
/// (see <see cref="OutputDescriptor(FourierDescriptor, Size, FourierProcessingSettings, Padding, Padding)"/>).
/// </summary>
/// <remarks>
/// Crop: output index (x, y, z) reads the input coefficient of the same signed frequency index; along Y (and likewise
/// Z) that is input row <c>y ≤ outY/2 ? y : inY − (outY − y)</c>, and X maps directly. For an even output length the
/// Nyquist row outY/2 takes the input's positive frequency +outY/2 only (the −outY/2 row is dropped), as Xmipp and
/// Umpalumpa do. Inputs that are Shifted can only be normalised; cropping a Centered input is declined.
/// </remarks>
public sealed class FourierProcessing : Algorithm<FourierProcessingOutput, FourierProcessingInput, FourierProcessingSettings>
{
    /// <summary>Creates the algorithm over the given strategies, asked in order.</summary>
    public FourierProcessing(
        IEnumerable<StrategyFactory<FourierProcessingOutput, FourierProcessingInput, FourierProcessingSettings>> strategies,
        ILogger<FourierProcessing>? logger = null)
        : base(strategies, logger)
    {
    }

    /// <summary>The state of the output: the input's state plus Normalized, Centered and Shifted as the settings apply them.</summary>
    public static FourierState OutputState(FourierState input, FourierProcessingSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var state = input;
        if (settings.Normalize)
        {
            state |= FourierState.Normalized;
        }

        if (settings.Center)
        {
            state |= FourierState.Centered;
        }

        if (settings.Shift)
        {
            state |= FourierState.Shifted;
        }

        return state;
    }

    /// <summary>
    /// The descriptor the output must have: frequency domain, spatial size <paramref name="outputSpatialSize"/> with the
    /// input's batch count N (the N of <paramref name="outputSpatialSize"/> is ignored), and <see cref="OutputState"/>.
    /// </summary>
    /// <param name="input">The input's descriptor.</param>
    /// <param name="outputSpatialSize">The spatial size after cropping; the input's spatial size for no crop.</param>
    /// <param name="settings">The settings that will be used.</param>
    /// <param name="frequencyPadding">Padding of the output's coefficients.</param>
    /// <param name="spatialPadding">Padding of the output's spatial layout (for a later inverse FFT).</param>
    public static FourierDescriptor OutputDescriptor(
        FourierDescriptor input,
        Size outputSpatialSize,
        FourierProcessingSettings settings,
        Padding frequencyPadding = default,
        Padding spatialPadding = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(settings);
        return new FourierDescriptor(
            outputSpatialSize.WithN(input.SpatialSize.N),
            FourierDomain.Frequency,
            OutputState(input.State, settings),
            spatialPadding,
            frequencyPadding);
    }

    /// <summary>The output descriptor without cropping (same spatial size as the input).</summary>
    public static FourierDescriptor OutputDescriptor(FourierDescriptor input, FourierProcessingSettings settings)
    {
        ArgumentNullException.ThrowIfNull(input);
        return OutputDescriptor(input, input.SpatialSize, settings);
    }

    /// <inheritdoc />
    protected override void ValidateRequest(
        FourierProcessingOutput output, FourierProcessingInput input, FourierProcessingSettings settings, ICollection<string> problems)
    {
        FourierProcessingValidation.Validate(output, input, settings, problems);
        foreach (string p in FourierProcessingValidation.AliasingProblems(output, input, settings))
        {
            problems.Add(p);
        }
    }
}
