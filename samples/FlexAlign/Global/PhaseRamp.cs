using Oompa.Core.Data;

namespace Oompa.Samples.FlexAlign.Global;

/// <summary>Accumulates a spectrum multiplied by the phase ramp of a spatial shift (Hermitian half, unshifted order).</summary>
internal static class PhaseRamp
{
    /// <summary>
    /// <c>sum[y, x] += spectrum[y, x]·exp(−2πi(kx·sx/X + ky·sy/Y))</c>, k the signed frequency index, which moves the
    /// image by (+sx, +sy). Parallel over rows; the ramp is separable, so per-column and per-row factors are tabulated.
    /// </summary>
    public static void Accumulate(Payload<FourierDescriptor> spectrum, Payload<FourierDescriptor> sum, FrameShift shift, int width, int height, ParallelOptions parallel) =>
        Run(spectrum, sum, shift, width, height, parallel, accumulate: true);

    /// <summary><c>spectrum[y, x] ·= exp(−2πi(kx·sx/X + ky·sy/Y))</c> in place: moves the image by (+sx, +sy).</summary>
    public static void Apply(Payload<FourierDescriptor> spectrum, FrameShift shift, int width, int height, ParallelOptions parallel) =>
        Run(spectrum, spectrum, shift, width, height, parallel, accumulate: false);

    private static void Run(Payload<FourierDescriptor> spectrum, Payload<FourierDescriptor> sum, FrameShift shift, int width, int height, ParallelOptions parallel, bool accumulate)
    {
        int columns = (width / 2) + 1;
        var columnFactors = new ComplexF[columns];
        for (int x = 0; x < columns; x++)
        {
            double phase = -2 * Math.PI * x * shift.X / width;
            columnFactors[x] = Factor(phase, nyquist: 2 * x == width);
        }

        var rowFactors = new ComplexF[height];
        for (int y = 0; y < height; y++)
        {
            int ky = y <= height / 2 ? y : y - height;
            double phase = -2 * Math.PI * ky * shift.Y / height;
            rowFactors[y] = Factor(phase, nyquist: 2 * y == height);
        }

        var source = spectrum;
        var target = sum;
        Parallel.For(0, height, parallel, () => 0, (y, _, local) =>
        {
            var input = source.AsSpan<ComplexF>().Slice(y * columns, columns);
            var output = target.AsSpan<ComplexF>().Slice(y * columns, columns);
            if (accumulate)
            {
                AccumulateRow(input, output, columnFactors, rowFactors[y]);
            }
            else
            {
                MultiplyRow(output, columnFactors, rowFactors[y]);
            }

            return local;
        }, _ => { });
    }

    // A shift is ambiguous at the Nyquist frequency of an even axis (+N/2 and -N/2 are one coefficient): its factor is
    // the real part of the two equal-weight choices, cos(phase), which keeps the spectrum Hermitian-consistent so every
    // complex-to-real transform (FFTW, clFFT) gives the same real image.
    private static ComplexF Factor(double phase, bool nyquist) =>
        nyquist ? new ComplexF((float)Math.Cos(phase), 0) : new ComplexF((float)Math.Cos(phase), (float)Math.Sin(phase));

    private static void MultiplyRow(Span<ComplexF> data, ReadOnlySpan<ComplexF> columns, ComplexF row)
    {
        for (int x = 0; x < data.Length; x++)
        {
            data[x] *= columns[x] * row;
        }
    }

    private static void AccumulateRow(ReadOnlySpan<ComplexF> input, Span<ComplexF> output, ReadOnlySpan<ComplexF> columns, ComplexF row)
    {
        for (int x = 0; x < input.Length; x++)
        {
            output[x] += input[x] * (columns[x] * row);
        }
    }
}
