using Oompa.Core.Data;

namespace Oompa.Algorithms.Tests.Support;

/// <summary>Element-wise comparisons with stated tolerances: |a − e| ≤ abs + rel·scale, scale = max |e| over the data.</summary>
public static class Tolerance
{
    public static void AssertClose(ReadOnlySpan<float> expected, ReadOnlySpan<float> actual, double rel, double abs = 0, string what = "value")
    {
        Assert.Equal(expected.Length, actual.Length);
        double scale = 0;
        foreach (float e in expected)
        {
            scale = Math.Max(scale, Math.Abs(e));
        }

        double bound = abs + (rel * scale);
        for (int i = 0; i < expected.Length; i++)
        {
            double err = Math.Abs(actual[i] - (double)expected[i]);
            if (!(err <= bound) && !(float.IsNaN(expected[i]) && float.IsNaN(actual[i])))
            {
                Assert.Fail($"{what}[{i}]: expected {expected[i]}, got {actual[i]} (error {err:G3} > bound {bound:G3} = {abs:G3} + {rel:G3}·{scale:G3}).");
            }
        }
    }

    public static void AssertClose(ReadOnlySpan<ComplexF> expected, ReadOnlySpan<ComplexF> actual, double rel, double abs = 0, string what = "value")
    {
        Assert.Equal(expected.Length, actual.Length);
        double scale = 0;
        foreach (var e in expected)
        {
            scale = Math.Max(scale, Math.Sqrt(e.MagnitudeSquared));
        }

        double bound = abs + (rel * scale);
        for (int i = 0; i < expected.Length; i++)
        {
            double err = Math.Sqrt((actual[i] - expected[i]).MagnitudeSquared);
            if (!(err <= bound))
            {
                Assert.Fail($"{what}[{i}]: expected {expected[i]}, got {actual[i]} (error {err:G3} > bound {bound:G3} = {abs:G3} + {rel:G3}·{scale:G3}).");
            }
        }
    }
}
