using System.Numerics;
using Oompa.Core.Data;

namespace Oompa.Algorithms.Tests.Support;

/// <summary>
/// Double-precision reference DFT, separable over X, Y, Z, for small sizes. Conventions match FFTW: forward uses
/// e^(−2πi·k·n/N), inverse e^(+2πi·k·n/N), neither is normalised; arrays are in logical order (x fastest, then y, z, n).
/// </summary>
public static class NaiveDft
{
    /// <summary>Complex-to-complex DFT of every signal in the batch.</summary>
    public static Complex[] Transform(Complex[] data, Size size, bool inverse)
    {
        var result = (Complex[])data.Clone();
        double sign = inverse ? 1 : -1;
        TransformAxis(result, size, 0, sign);
        TransformAxis(result, size, 1, sign);
        TransformAxis(result, size, 2, sign);
        return result;
    }

    /// <summary>Real-to-complex forward DFT returning the Hermitian half (X/2 + 1 columns) of every signal.</summary>
    public static ComplexF[] RealToHalf(ReadOnlySpan<float> data, Size size)
    {
        var full = new Complex[data.Length];
        for (int i = 0; i < data.Length; i++)
        {
            full[i] = data[i];
        }

        return ToHalf(Transform(full, size, inverse: false), size);
    }

    /// <summary>Unnormalised complex-to-real inverse of a Hermitian half (FFTW c2r semantics: the half is assumed Hermitian).</summary>
    public static float[] HalfToReal(ReadOnlySpan<ComplexF> half, Size size)
    {
        var full = FromHalf(half, size);
        var spatial = Transform(full, size, inverse: true);
        var result = new float[spatial.Length];
        for (int i = 0; i < spatial.Length; i++)
        {
            result[i] = (float)spatial[i].Real;
        }

        return result;
    }

    /// <summary>Keeps columns 0..X/2 of full spectra.</summary>
    public static ComplexF[] ToHalf(Complex[] full, Size size)
    {
        int hx = (size.X / 2) + 1;
        long rows = size.Total / size.X;
        var half = new ComplexF[rows * hx];
        for (long r = 0; r < rows; r++)
        {
            for (int x = 0; x < hx; x++)
            {
                var v = full[(r * size.X) + x];
                half[(r * hx) + x] = new ComplexF((float)v.Real, (float)v.Imaginary);
            }
        }

        return half;
    }

    /// <summary>Rebuilds full spectra from Hermitian halves using F(−k) = conj(F(k)).</summary>
    public static Complex[] FromHalf(ReadOnlySpan<ComplexF> half, Size size)
    {
        int hx = (size.X / 2) + 1;
        var full = new Complex[size.Total];
        for (int n = 0; n < size.N; n++)
        {
            for (int z = 0; z < size.Z; z++)
            {
                for (int y = 0; y < size.Y; y++)
                {
                    for (int x = 0; x < size.X; x++)
                    {
                        long dst = (((((long)n * size.Z) + z) * size.Y) + y) * size.X + x;
                        if (x < hx)
                        {
                            var v = half[(int)((((((long)n * size.Z) + z) * size.Y) + y) * hx + x)];
                            full[dst] = new Complex(v.Re, v.Im);
                        }
                        else
                        {
                            int cx = size.X - x;
                            int cy = (size.Y - y) % size.Y;
                            int cz = (size.Z - z) % size.Z;
                            var v = half[(int)((((((long)n * size.Z) + cz) * size.Y) + cy) * hx + cx)];
                            full[dst] = new Complex(v.Re, -v.Im);
                        }
                    }
                }
            }
        }

        return full;
    }

    private static void TransformAxis(Complex[] data, Size size, int axis, double sign)
    {
        int len = size[axis];
        if (len == 1)
        {
            return;
        }

        long stride = axis == 0 ? 1 : axis == 1 ? size.X : (long)size.X * size.Y;
        var twiddle = new Complex[len];
        for (int k = 0; k < len; k++)
        {
            double angle = sign * 2 * Math.PI * k / len;
            twiddle[k] = new Complex(Math.Cos(angle), Math.Sin(angle));
        }

        var line = new Complex[len];
        long total = size.Total;
        for (long start = 0; start < total; start++)
        {
            // A line starts where the coordinate along this axis is zero.
            if ((start / stride) % len != 0)
            {
                continue;
            }

            for (int i = 0; i < len; i++)
            {
                line[i] = data[start + (i * stride)];
            }

            for (int k = 0; k < len; k++)
            {
                Complex sum = Complex.Zero;
                for (int i = 0; i < len; i++)
                {
                    sum += line[i] * twiddle[(int)((long)k * i % len)];
                }

                data[start + (k * stride)] = sum;
            }
        }
    }
}
