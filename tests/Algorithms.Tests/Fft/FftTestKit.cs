using System.Numerics;
using Oompa.Algorithms.Fft;
using Oompa.Algorithms.Tests.Support;
using Oompa.Core.Data;

namespace Oompa.Algorithms.Tests.Fft;

/// <summary>Helpers for the FFT suites that use only the public API.</summary>
public static class FftTestKit
{
    /// <summary>Spectra and signals are compared element-wise within this fraction of the largest expected magnitude.</summary>
    public const double Rel = 1e-4;

    /// <summary>The same descriptor with other paddings.</summary>
    public static FourierDescriptor WithPaddings(FourierDescriptor d, Padding spatial, Padding frequency) =>
        new(d.SpatialSize, d.Domain, d.State, spatial, frequency);

    /// <summary>The payload's data elements in logical order (x fastest, then y, z, n), read through its current layout.</summary>
    public static T[] ReadLogical<T>(Payload<FourierDescriptor> payload)
        where T : unmanaged
    {
        var layout = payload.Descriptor.Layout;
        var span = payload.AsSpan<T>();
        int w = layout.Size.X;
        var result = new T[layout.Size.Total];
        for (long row = 0; row < layout.RowCount; row++)
        {
            span.Slice((int)layout.RowStart(row), w).CopyTo(result.AsSpan((int)(row * w), w));
        }

        return result;
    }

    /// <summary>Writes data elements in logical order through the payload's current layout.</summary>
    public static void WriteLogical<T>(Payload<FourierDescriptor> payload, ReadOnlySpan<T> values)
        where T : unmanaged
    {
        var layout = payload.Descriptor.Layout;
        var span = payload.AsSpan<T>();
        int w = layout.Size.X;
        for (long row = 0; row < layout.RowCount; row++)
        {
            values.Slice((int)(row * w), w).CopyTo(span.Slice((int)layout.RowStart(row), w));
        }
    }

    /// <summary>A copy of every byte the payload declares, padding included.</summary>
    public static unsafe byte[] Bytes(IPayload payload) =>
        new ReadOnlySpan<byte>((void*)payload.Physical.Pointer, checked((int)payload.Physical.Bytes)).ToArray();

    /// <summary>Hermitian half spectra of random real signals (what a forward transform of real data yields).</summary>
    public static ComplexF[] HermitianHalf(int seed, Size size) => NaiveDft.RealToHalf(Gens.Floats(seed, size.Total), size);

    /// <summary>Converts to double-precision complex numbers.</summary>
    public static Complex[] ToComplex(ReadOnlySpan<ComplexF> values)
    {
        var result = new Complex[values.Length];
        for (int i = 0; i < values.Length; i++)
        {
            result[i] = new Complex(values[i].Re, values[i].Im);
        }

        return result;
    }

    /// <summary>Converts to single-precision complex numbers.</summary>
    public static ComplexF[] ToComplexF(ReadOnlySpan<Complex> values)
    {
        var result = new ComplexF[values.Length];
        for (int i = 0; i < values.Length; i++)
        {
            result[i] = new ComplexF((float)values[i].Real, (float)values[i].Imaginary);
        }

        return result;
    }

    /// <summary>Multiplies every value.</summary>
    public static float[] Scaled(ReadOnlySpan<float> values, double factor)
    {
        var result = new float[values.Length];
        for (int i = 0; i < values.Length; i++)
        {
            result[i] = (float)(values[i] * factor);
        }

        return result;
    }

    /// <summary>Multiplies every value.</summary>
    public static ComplexF[] Scaled(ReadOnlySpan<ComplexF> values, double factor)
    {
        var result = new ComplexF[values.Length];
        for (int i = 0; i < values.Length; i++)
        {
            result[i] = values[i] * (float)factor;
        }

        return result;
    }

    /// <summary>Settings with the given direction and normalisation, planned by estimate (fast for tests).</summary>
    public static FourierTransformSettings Settings(FourierDirection direction, bool normalize = false, bool allowOverwrite = false) =>
        new(direction, normalize, Threads: null, AllowInputOverwrite: allowOverwrite, PlannerEffort: FftPlannerEffort.Estimate);
}
