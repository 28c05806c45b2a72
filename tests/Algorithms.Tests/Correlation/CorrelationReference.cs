using System.Numerics;
using Oompa.Algorithms.Correlation;
using Oompa.Core.Data;

namespace Oompa.Algorithms.Tests.Correlation;

/// <summary>
/// A direct double-precision statement of Correlation (docs/correlation.md): arrays in logical order (x fastest), one
/// spectrum of <paramref name="width"/> × Y × Z per image.
/// </summary>
public static class CorrelationReference
{
    public static ComplexF[] Compute(ComplexF[] data1, ComplexF[] data2, Size spatial, int width, CorrelationPairs pairs, bool center, bool shifted)
    {
        long image = (long)width * spatial.Y * spatial.Z;
        var result = new ComplexF[pairs.Count * image];
        for (long p = 0; p < pairs.Count; p++)
        {
            var (i, j) = pairs.PairOf(p);
            for (long e = 0; e < image; e++)
            {
                var a = data1[(i * image) + e];
                var b = data2[(j * image) + e];
                var v = new Complex(a.Re, a.Im) * Complex.Conjugate(new Complex(b.Re, b.Im));
                if (center)
                {
                    int x = (int)(e % width);
                    int y = (int)(e / width % spatial.Y);
                    int z = (int)(e / width / spatial.Y);
                    if (shifted)
                    {
                        y = Unshift(y, spatial.Y);
                        z = Unshift(z, spatial.Z);
                    }

                    v *= ((x + y + z) & 1) == 0 ? 1 : -1;
                }

                result[(p * image) + e] = new ComplexF((float)v.Real, (float)v.Imaginary);
            }
        }

        return result;
    }

    /// <summary>The unshifted index stored at shifted position <paramref name="i"/> (inverse of fftshift).</summary>
    public static int Unshift(int i, int length) => (i + length - (length / 2)) % length;
}
