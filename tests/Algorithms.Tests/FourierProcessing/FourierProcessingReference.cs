using System.Numerics;
using Oompa.Algorithms.FourierProcessing;
using Oompa.Core.Data;

namespace Oompa.Algorithms.Tests.FourierProcessing;

/// <summary>
/// A direct, double-precision statement of what FourierProcessing computes, written from the documented semantics
/// (docs/fourier-processing.md) rather than from the implementation. Arrays are in logical order (x fastest).
/// </summary>
public static class FourierProcessingReference
{
    /// <summary>Signed frequency index of unshifted index i on an axis of length l.</summary>
    public static int Signed(int i, int l) => i <= l / 2 ? i : i - l;

    /// <summary>Whether max-frequency removes the coefficient with input-grid frequencies (fx, fy, fz).</summary>
    public static bool Beyond(double fx, double fy, double fz, double fmax) => (fx * fx) + (fy * fy) + (fz * fz) > fmax * fmax;

    public static ComplexF[] Compute(ComplexF[] input, Size inSpatial, Size outSpatial, float[]? filter, FourierProcessingSettings s)
    {
        int inFx = (inSpatial.X / 2) + 1;
        int outFx = (outSpatial.X / 2) + 1;
        int oy = outSpatial.Y;
        int oz = outSpatial.Z;
        var result = new ComplexF[(long)outFx * oy * oz * inSpatial.N];
        for (int n = 0; n < inSpatial.N; n++)
        {
            for (int z = 0; z < oz; z++)
            {
                for (int y = 0; y < oy; y++)
                {
                    for (int x = 0; x < outFx; x++)
                    {
                        int sy = y <= oy / 2 ? y : inSpatial.Y - (oy - y);
                        int sz = z <= oz / 2 ? z : inSpatial.Z - (oz - z);
                        int dy = s.Shift ? (y + (oy / 2)) % oy : y;
                        int dz = s.Shift ? (z + (oz / 2)) % oz : z;
                        var value = Value(input, inSpatial, inFx, n, x, sy, sz);
                        double fx = (double)x / inSpatial.X;
                        double fy = (double)Signed(sy, inSpatial.Y) / inSpatial.Y;
                        double fz = (double)Signed(sz, inSpatial.Z) / inSpatial.Z;
                        if (s.MaxFrequency is { } fmax && Beyond(fx, fy, fz, fmax))
                        {
                            value = Complex.Zero;
                        }
                        else
                        {
                            value *= Factor(outSpatial, outFx, filter, s, inSpatial.Single, x, y, z);
                        }

                        long o = ((((((long)n * oz) + dz) * oy) + dy) * outFx) + x;
                        result[o] = new ComplexF((float)value.Real, (float)value.Imaginary);
                    }
                }
            }
        }

        return result;
    }

    private static Complex Value(ComplexF[] input, Size inSpatial, int inFx, int n, int x, int y, int z)
    {
        var v = input[((((((long)n * inSpatial.Z) + z) * inSpatial.Y) + y) * inFx) + x];
        return new Complex(v.Re, v.Im);
    }

    private static double Factor(Size outSpatial, int outFx, float[]? filter, FourierProcessingSettings s, long inSingle, int x, int y, int z)
    {
        double k = 1;
        if (s.Normalize)
        {
            k /= inSingle;
        }

        if (s.GaussianSigma is { } sigma)
        {
            double gx = (double)x / outSpatial.X;
            double gy = (double)Signed(y, outSpatial.Y) / outSpatial.Y;
            double gz = (double)Signed(z, outSpatial.Z) / outSpatial.Z;
            k *= Math.Exp(-((gx * gx) + (gy * gy) + (gz * gz)) / (2 * sigma * sigma));
        }

        if (filter is not null)
        {
            k *= filter[(((long)z * outSpatial.Y) + y) * outFx + x];
        }

        if (s.Center && ((x + y + z) & 1) == 1)
        {
            k = -k;
        }

        return k;
    }
}
