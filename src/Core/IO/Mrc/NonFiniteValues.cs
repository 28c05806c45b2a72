using System.Globalization;
using System.Numerics;
using System.Runtime.InteropServices;
using Oompa.Core.Data;

namespace Oompa.Core.IO.Mrc;

/// <summary>Finds NaN and infinite values. Readers and writers pass them through unchanged; whether they are an error
/// is the caller's decision, and these helpers say where the first one is.</summary>
public static class NonFiniteValues
{
    /// <summary>Index of the first NaN or infinity, or −1 when every value is finite.</summary>
    public static long IndexOfFirst(ReadOnlySpan<float> data)
    {
        int i = 0;
        if (Vector.IsHardwareAccelerated)
        {
            var vectors = MemoryMarshal.Cast<float, Vector<float>>(data);
            for (int v = 0; v < vectors.Length; v++)
            {
                // x − x is 0 for finite x and NaN for NaN or ±∞.
                var d = vectors[v] - vectors[v];
                if (!Vector.EqualsAll(d, Vector<float>.Zero))
                {
                    break;
                }

                i += Vector<float>.Count;
            }
        }

        for (; i < data.Length; i++)
        {
            if (!float.IsFinite(data[i]))
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>Index of the first element whose real or imaginary part is NaN or infinite, or −1.</summary>
    public static long IndexOfFirst(ReadOnlySpan<ComplexF> data)
    {
        long scalar = IndexOfFirst(MemoryMarshal.Cast<ComplexF, float>(data));
        return scalar < 0 ? -1 : scalar / 2;
    }

    /// <summary>Describes the first non-finite value of data with the given X-fastest shape, e.g.
    /// <c>NaN at x=3, y=0, z=1, n=0 (element 43)</c>; null when every value is finite.</summary>
    /// <exception cref="ArgumentException">The data length is not the shape's total.</exception>
    public static string? DescribeFirst(ReadOnlySpan<float> data, Size size)
    {
        if (data.Length != size.Total)
        {
            throw new ArgumentException($"The data holds {data.Length} values; the shape {size} needs {size.Total}.", nameof(data));
        }

        long index = IndexOfFirst(data);
        if (index < 0)
        {
            return null;
        }

        long rest = index;
        long x = rest % size.X;
        rest /= size.X;
        long y = rest % size.Y;
        rest /= size.Y;
        long z = rest % size.Z;
        long n = rest / size.Z;
        return string.Create(CultureInfo.InvariantCulture, $"{data[(int)index]} at x={x}, y={y}, z={z}, n={n} (element {index})");
    }
}
