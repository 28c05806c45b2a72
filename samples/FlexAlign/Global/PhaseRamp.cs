using Oompa.Core.Data;

namespace Oompa.Samples.FlexAlign.Global;

/// <summary>Phase ramps of spatial shifts on Hermitian-half spectra in unshifted order.</summary>
internal static class PhaseRamp
{
    /// <summary>
    /// <c>sum[y, x] += Σ_t spectra[t, y, x]·exp(−2πi(kx·sx_t/X + ky·sy_t/Y))</c> over the batch of
    /// <paramref name="spectra"/> (frame t shifted by <paramref name="shifts"/>[t]), k the signed frequency index, which
    /// moves image t by (+sx_t, +sy_t). The ramp is separable, so per-column and per-row factors are tabulated; rows run
    /// in parallel and each row of the sum takes every frame in one pass (the sum's row stays in cache).
    /// </summary>
    public static unsafe void AccumulateFrames(
        Payload<FourierDescriptor> spectra, Payload<FourierDescriptor> sum, IReadOnlyList<FrameShift> shifts, int width, int height, ParallelOptions parallel)
    {
        int frames = spectra.Descriptor.SpatialSize.N;
        int columns = (width / 2) + 1;
        long frameElements = (long)columns * height;
        if (spectra.Physical.Bytes < frames * frameElements * DataType.Complex32.Size || sum.Physical.Bytes < frameElements * DataType.Complex32.Size)
        {
            throw new ArgumentException($"The spectra ({frames} of {columns}x{height}) or the sum hold too few bytes.", nameof(spectra));
        }

        var columnFactors = new ComplexF[frames * columns];
        var rowFactors = new ComplexF[frames * height];
        for (int t = 0; t < frames; t++)
        {
            Tabulate(shifts[t], width, height, columnFactors.AsSpan(t * columns, columns), rowFactors.AsSpan(t * height, height));
        }

        nint input = spectra.Physical.Pointer;
        nint output = sum.Physical.Pointer;
        fixed (ComplexF* factorsPointer = columnFactors)
        {
            nint factors = (nint)factorsPointer;
            Parallel.For(0, height, parallel, y =>
            {
                var target = (float*)((ComplexF*)output + ((long)y * columns));
                for (int t = 0; t < frames; t++)
                {
                    var source = (float*)((ComplexF*)input + (t * frameElements) + ((long)y * columns));
                    RampRowKernel.Accumulate(source, (float*)((ComplexF*)factors + ((long)t * columns)), rowFactors[(t * height) + y], target, columns);
                }
            });
        }
    }

    /// <summary><c>spectrum[y, x] ·= exp(−2πi(kx·sx/X + ky·sy/Y))</c> in place: moves the image by (+sx, +sy).</summary>
    public static void Apply(Payload<FourierDescriptor> spectrum, FrameShift shift, int width, int height, ParallelOptions parallel)
    {
        int columns = (width / 2) + 1;
        var columnFactors = new ComplexF[columns];
        var rowFactors = new ComplexF[height];
        Tabulate(shift, width, height, columnFactors, rowFactors);
        var target = spectrum;
        Parallel.For(0, height, parallel, y =>
        {
            var data = target.AsSpan<ComplexF>().Slice(y * columns, columns);
            var row = rowFactors[y];
            for (int x = 0; x < data.Length; x++)
            {
                data[x] *= columnFactors[x] * row;
            }
        });
    }

    private static void Tabulate(FrameShift shift, int width, int height, Span<ComplexF> columns, Span<ComplexF> rows)
    {
        for (int x = 0; x < columns.Length; x++)
        {
            double phase = -2 * Math.PI * x * shift.X / width;
            columns[x] = Factor(phase, nyquist: 2 * x == width);
        }

        for (int y = 0; y < height; y++)
        {
            int ky = y <= height / 2 ? y : y - height;
            double phase = -2 * Math.PI * ky * shift.Y / height;
            rows[y] = Factor(phase, nyquist: 2 * y == height);
        }
    }

    // A shift is ambiguous at the Nyquist frequency of an even axis (+N/2 and -N/2 are one coefficient): its factor is
    // the real part of the two equal-weight choices, cos(phase), which keeps the spectrum Hermitian-consistent so every
    // complex-to-real transform (FFTW, clFFT) gives the same real image.
    private static ComplexF Factor(double phase, bool nyquist) =>
        nyquist ? new ComplexF((float)Math.Cos(phase), 0) : new ComplexF((float)Math.Cos(phase), (float)Math.Sin(phase));
}
