using Microsoft.Extensions.Logging;
using Oompa.Algorithms.Fft.Fftw;
using Oompa.Core.Algorithms;
using Oompa.Core.Data;

namespace Oompa.Algorithms.Fft;

/// <summary>
/// Batched 1D, 2D and 3D discrete Fourier transforms, FFTW conventions (unnormalised unless asked, forward kernel
/// e^(−2πi·k·n/N)). The kind follows from the descriptors: real Float32 spatial data and a Hermitian half spectrum of
/// Complex32 (real-to-complex forward, complex-to-real inverse), or Complex32 data with
/// <see cref="FourierState.FullSpectrum"/> in both domains (complex-to-complex). Passing the same buffer as input and
/// output transforms in place. Any padding of either layout is honoured.
/// </summary>
public sealed class FourierTransform : Algorithm<FourierTransformOutput, FourierTransformInput, FourierTransformSettings>
{
    /// <summary>Creates the algorithm over the given strategies, asked in order.</summary>
    public FourierTransform(
        IEnumerable<StrategyFactory<FourierTransformOutput, FourierTransformInput, FourierTransformSettings>> strategies,
        ILogger<FourierTransform>? logger = null)
        : base(strategies, logger)
    {
    }

    /// <summary>
    /// The descriptor of the data the transform produces from <paramref name="input"/>: the other domain, the same
    /// sizes and paddings (change the paddings freely), and the state: a forward output keeps the input's Centered,
    /// Shifted and FullSpectrum flags and is Normalized exactly when <see cref="FourierTransformSettings.Normalize"/>
    /// is set; an inverse output keeps the input's flags except Normalized, which the spatial domain does not carry.
    /// </summary>
    /// <exception cref="ArgumentException">The input is not in the domain the direction starts from.</exception>
    public static FourierDescriptor OutputDescriptor(FourierDescriptor input, FourierTransformSettings settings)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(settings);
        var from = StartDomain(settings.Direction);
        if (input.Domain != from)
        {
            throw new ArgumentException($"A {settings.Direction} transform starts from {from} data, but the descriptor is in the {input.Domain} domain.", nameof(input));
        }

        var kept = input.State & ~FourierState.Normalized;
        return settings.Direction == FourierDirection.Forward
            ? input.ToFrequency(kept | (settings.Normalize ? FourierState.Normalized : FourierState.None))
            : input.ToSpatial().WithState(kept);
    }

    /// <inheritdoc />
    protected override void ValidateRequest(FourierTransformOutput output, FourierTransformInput input, FourierTransformSettings settings, ICollection<string> problems)
    {
        ValidateSettings(settings, problems);
        if (!Enum.IsDefined(settings.Direction))
        {
            return;
        }

        var source = input.Data;
        var target = output.Data;
        string inName = $"input member 'Data' ('{source.Name}')";
        string outName = $"output member 'Data' ('{target.Name}')";
        var from = StartDomain(settings.Direction);
        if (source.Descriptor.Domain != from)
        {
            problems.Add($"{inName}: Domain is {source.Descriptor.Domain}, but a {settings.Direction} transform needs {from} data.");
            return;
        }

        bool full = source.Descriptor.IsFullSpectrum;
        var inType = source.Physical.Type;
        var expectedIn = settings.Direction == FourierDirection.Forward && !full ? DataType.Float32 : DataType.Complex32;
        if (inType != expectedIn)
        {
            string why = inType == DataType.Complex32 && !full
                ? "; complex spatial data needs State FullSpectrum (a complex-to-complex transform)"
                : inType == DataType.Float32 && full
                    ? "; real data transforms to a Hermitian half, so State must not have FullSpectrum"
                    : string.Empty;
            problems.Add($"{inName}: Physical.Type is {inType}, expected {expectedIn} for {Describe(settings.Direction, full)}{why}.");
        }

        var expectedOut = settings.Direction == FourierDirection.Inverse && !full ? DataType.Float32 : DataType.Complex32;
        if (target.Physical.Type != expectedOut)
        {
            problems.Add($"{outName}: Physical.Type is {target.Physical.Type}, expected {expectedOut} for {Describe(settings.Direction, full)}.");
        }

        if (settings.Normalize && settings.Direction == FourierDirection.Inverse && source.Descriptor.State.HasFlag(FourierState.Normalized))
        {
            problems.Add($"settings: Normalize is set, but {inName} has State {source.Descriptor.State}; normalising again would scale by 1/N twice.");
        }

        var expected = OutputDescriptor(source.Descriptor, settings).Fields;
        var actual = target.Descriptor.Fields;
        for (int i = 0; i < expected.Count; i++)
        {
            if (expected[i].Key.EndsWith("Padding", StringComparison.Ordinal) || expected[i].Value == actual[i].Value)
            {
                continue;
            }

            problems.Add($"{outName}: {actual[i].Key} is {actual[i].Value}, expected {expected[i].Value} (see FourierTransform.OutputDescriptor).");
        }
    }

    /// <summary>The FFTW transform a valid request needs.</summary>
    internal static FftwKind KindOf(FourierDescriptor input, FourierDirection direction) => (direction, input.IsFullSpectrum) switch
    {
        (FourierDirection.Forward, false) => FftwKind.RealToComplex,
        (FourierDirection.Inverse, false) => FftwKind.ComplexToReal,
        (FourierDirection.Forward, true) => FftwKind.ComplexForward,
        _ => FftwKind.ComplexBackward,
    };

    private static FourierDomain StartDomain(FourierDirection direction) =>
        direction == FourierDirection.Forward ? FourierDomain.Spatial : FourierDomain.Frequency;

    private static string Describe(FourierDirection direction, bool full) => (direction, full) switch
    {
        (FourierDirection.Forward, true) => "a complex-to-complex forward transform",
        (FourierDirection.Inverse, true) => "a complex-to-complex inverse transform",
        (FourierDirection.Forward, false) => "a real-to-complex forward transform",
        _ => "a complex-to-real inverse transform",
    };

    private static void ValidateSettings(FourierTransformSettings settings, ICollection<string> problems)
    {
        if (!Enum.IsDefined(settings.Direction))
        {
            problems.Add($"settings: Direction is {settings.Direction}, which is neither Forward nor Inverse.");
        }

        if (!Enum.IsDefined(settings.PlannerEffort))
        {
            problems.Add($"settings: PlannerEffort is {settings.PlannerEffort}, which is not a planner effort.");
        }

        if (settings.Threads is < 1)
        {
            problems.Add($"settings: Threads is {settings.Threads}; it must be at least 1, or null for the device's threads.");
        }
    }
}
