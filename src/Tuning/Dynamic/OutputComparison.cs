using System.Globalization;
using System.Numerics;
using System.Runtime.InteropServices;
using Oompa.Core.Data;

namespace Oompa.Tuning.Dynamic;

/// <summary>
/// Compares a candidate configuration's output with the reference output of the same execution. Floating-point data
/// (real or complex, half, single or double precision) passes when every element satisfies
/// |candidate − reference| ≤ tolerance · scale, where scale is the largest finite magnitude in the reference, real and
/// imaginary parts counted separately (so the tolerance is relative to the data, and elements near zero are not held to a
/// tighter bound than the rest); NaN must meet NaN and an infinity the same infinity. Integer and struct data must match
/// byte for byte.
/// </summary>
public static class OutputComparison
{
    /// <summary>Why <paramref name="candidate"/> differs from <paramref name="reference"/>, or null when it matches.</summary>
    /// <param name="reference">The reference bytes.</param>
    /// <param name="candidate">The candidate's bytes, as many as the reference.</param>
    /// <param name="type">The element type of both.</param>
    /// <param name="tolerance">The relative tolerance for floating-point data (≥ 0).</param>
    /// <param name="what">Names the data in the message, for example <c>member 'Data'</c>.</param>
    public static string? Difference(ReadOnlySpan<byte> reference, ReadOnlySpan<byte> candidate, DataType type, double tolerance, string what)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(tolerance);
        if (reference.Length != candidate.Length)
        {
            return string.Create(CultureInfo.InvariantCulture, $"{what}: {candidate.Length} bytes, expected {reference.Length}.");
        }

        return type.Kind switch
        {
            DataTypeKind.Float32 or DataTypeKind.Complex32 => Compare(MemoryMarshal.Cast<byte, float>(reference), MemoryMarshal.Cast<byte, float>(candidate), tolerance, what),
            DataTypeKind.Float64 or DataTypeKind.Complex64 => Compare(MemoryMarshal.Cast<byte, double>(reference), MemoryMarshal.Cast<byte, double>(candidate), tolerance, what),
            DataTypeKind.Float16 => Compare(MemoryMarshal.Cast<byte, Half>(reference), MemoryMarshal.Cast<byte, Half>(candidate), tolerance, what),
            _ => Exact(reference, candidate, what),
        };
    }

    private static string? Compare<T>(ReadOnlySpan<T> reference, ReadOnlySpan<T> candidate, double tolerance, string what)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        double scale = 0;
        foreach (var r in reference)
        {
            double v = Math.Abs(double.CreateTruncating(r));
            if (double.IsFinite(v))
            {
                scale = Math.Max(scale, v);
            }
        }

        double bound = tolerance * scale;
        for (int i = 0; i < reference.Length; i++)
        {
            double r = double.CreateTruncating(reference[i]);
            double c = double.CreateTruncating(candidate[i]);
            if (!Close(r, c, bound))
            {
                return Mismatch(what, i, r, c, bound);
            }
        }

        return null;
    }

    private static bool Close(double r, double c, double bound)
    {
        if (double.IsNaN(r) || double.IsNaN(c))
        {
            return double.IsNaN(r) && double.IsNaN(c);
        }

        if (double.IsInfinity(r) || double.IsInfinity(c))
        {
            return r == c;
        }

        return Math.Abs(c - r) <= bound;
    }

    private static string? Exact(ReadOnlySpan<byte> reference, ReadOnlySpan<byte> candidate, string what)
    {
        int i = reference.CommonPrefixLength(candidate);
        return i == reference.Length
            ? null
            : string.Create(CultureInfo.InvariantCulture, $"{what}: byte {i} is {candidate[i]}, expected {reference[i]} (integer data must match exactly).");
    }

    private static string Mismatch(string what, int index, double reference, double candidate, double bound) =>
        string.Create(CultureInfo.InvariantCulture, $"{what}: value {index} is {candidate:G9}, expected {reference:G9} (error {Math.Abs(candidate - reference):G3} > bound {bound:G3}).");
}
