using System.Runtime.InteropServices;
using Oompa.Core.Data;
using Oompa.Tuning.Dynamic;

namespace Oompa.Tuning.Tests.Dynamic;

public class OutputComparisonTests
{
    private static string? Compare(float[] reference, float[] candidate, double tolerance = 1e-4) =>
        OutputComparison.Difference(MemoryMarshal.AsBytes(reference.AsSpan()), MemoryMarshal.AsBytes(candidate.AsSpan()), DataType.Float32, tolerance, "output 'Data'");

    [Fact]
    public void Floats_pass_within_the_tolerance_relative_to_the_largest_magnitude()
    {
        Assert.Null(Compare([100, 0, -3], [100.005f, 0.009f, -3]));
        var problem = Compare([100, 0, -3], [100, 0.02f, -3]);
        Assert.NotNull(problem);
        Assert.Contains("output 'Data': value 1", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Nan_must_meet_nan_and_infinity_the_same_infinity()
    {
        Assert.Null(Compare([float.NaN, float.PositiveInfinity, 1], [float.NaN, float.PositiveInfinity, 1]));
        Assert.NotNull(Compare([float.NaN, 1], [0, 1]));
        Assert.NotNull(Compare([1, 1], [float.NaN, 1]));
        Assert.NotNull(Compare([float.PositiveInfinity], [float.NegativeInfinity]));
    }

    [Fact]
    public void Doubles_and_integers_compare_by_their_type()
    {
        double[] a = [1, 2], b = [1, 2 + 1e-12];
        Assert.Null(OutputComparison.Difference(MemoryMarshal.AsBytes(a.AsSpan()), MemoryMarshal.AsBytes(b.AsSpan()), DataType.Float64, 1e-9, "d"));
        short[] i = [1, 2], j = [1, 3];
        Assert.Contains("exactly", OutputComparison.Difference(MemoryMarshal.AsBytes(i.AsSpan()), MemoryMarshal.AsBytes(j.AsSpan()), DataType.Int16, 1, "i"), StringComparison.Ordinal);
        Assert.NotNull(OutputComparison.Difference([1, 2], [1], DataType.Byte, 0, "b"));
    }
}
