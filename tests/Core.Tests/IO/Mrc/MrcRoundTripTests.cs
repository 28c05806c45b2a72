using FsCheck;
using FsCheck.Fluent;
using Oompa.Core.Data;
using Oompa.Core.IO.Mrc;

namespace Oompa.Core.Tests.IO.Mrc;

/// <summary>Write then read for every mode, random shapes (images, stacks, volumes, stacks of volumes) and data.</summary>
public class MrcRoundTripTests
{
    private static readonly Config Config = Config.QuickThrowOnFailure.WithMaxTest(40);

    private static readonly Gen<Size> Sizes =
        from x in Gen.Choose(1, 13)
        from y in Gen.Choose(1, 11)
        from z in Gen.Elements(1, 1, 2, 5)
        from n in Gen.Elements(1, 1, 3, 4)
        select new Size(x, y, z, n);

    private static readonly Gen<(Size Size, int Seed)> Cases = Gen.Zip(Sizes, Gen.Choose(0, int.MaxValue));

    /// <summary>Values each mode stores exactly (integers in range) or approximately (floats).</summary>
    private static float[] Data(MrcMode mode, int seed, long count)
    {
        var rng = new Random(seed);
        var values = new float[count];
        for (long i = 0; i < count; i++)
        {
            values[i] = mode switch
            {
                MrcMode.Int8 => rng.Next(sbyte.MinValue, sbyte.MaxValue + 1),
                MrcMode.Int16 => rng.Next(short.MinValue, short.MaxValue + 1),
                MrcMode.UInt16 => rng.Next(ushort.MinValue, ushort.MaxValue + 1),
                MrcMode.Float16 => (float)((rng.NextDouble() - 0.5) * Math.Pow(2, rng.Next(-20, 16))),
                _ => (float)((rng.NextDouble() - 0.5) * Math.Pow(2, rng.Next(-60, 60))),
            };
        }

        return values;
    }

    [Theory]
    [InlineData(MrcMode.Int8)]
    [InlineData(MrcMode.Int16)]
    [InlineData(MrcMode.Float32)]
    [InlineData(MrcMode.UInt16)]
    [InlineData(MrcMode.Float16)]
    public void Real_modes_round_trip(MrcMode mode)
    {
        using var dir = new TempDirectory();
        Prop.ForAll(Arb.From(Cases), c =>
        {
            string path = dir.File("roundtrip.mrc");
            var data = Data(mode, c.Seed, c.Size.Total);
            MrcFile.Write(path, data, c.Size, new MrcWriteOptions { Mode = mode, PixelSize = 1.5f });
            var back = MrcFile.Read(path);
            Assert.Equal(c.Size, back.Size);
            Assert.Equal(mode, back.Header.Mode);
            Assert.Equal(1.5f, back.PixelSize);
            Assert.Equal(ExpectedIspg(c.Size), back.Header.Ispg);
            Assert.Equal(MrcHeader.Length + (c.Size.Total * MrcModes.BytesPerElement(mode)), new FileInfo(path).Length);
            for (int i = 0; i < data.Length; i++)
            {
                // Integers and float32 are exact; float16 keeps 11 significant bits (relative error ≤ 2⁻¹¹, absolute
                // 2⁻²⁵ near zero where half precision is subnormal).
                float tolerance = mode == MrcMode.Float16 ? (Math.Abs(data[i]) * MathF.Pow(2, -11)) + MathF.Pow(2, -25) : 0;
                Assert.True(Math.Abs(back.Data[i] - data[i]) <= tolerance, $"element {i}: wrote {data[i]}, read {back.Data[i]} (mode {mode})");
            }

            AssertStatistics(back.Data, back.Header);
        }).Check(Config);
    }

    [Fact]
    public void Complex_mode_round_trips_exactly_with_amplitude_statistics()
    {
        using var dir = new TempDirectory();
        Prop.ForAll(Arb.From(Cases), c =>
        {
            string path = dir.File("complex.mrc");
            var scalars = Data(MrcMode.Float32, c.Seed, c.Size.Total * 2);
            var data = new ComplexF[c.Size.Total];
            for (int i = 0; i < data.Length; i++)
            {
                data[i] = new ComplexF(scalars[2 * i], scalars[(2 * i) + 1]);
            }

            MrcFile.Write(path, data, c.Size, new MrcWriteOptions { PixelSize = 2f });
            var back = MrcFile.ReadComplex(path);
            Assert.Equal(MrcMode.Complex32, back.Header.Mode);
            Assert.Equal(c.Size, back.Size);
            Assert.Equal(data, back.Data);
            AssertStatistics(data.Select(v => MathF.Sqrt(v.MagnitudeSquared)).ToArray(), back.Header);
        }).Check(Config);
    }

    [Fact]
    public void Integer_modes_round_to_nearest_and_reject_values_out_of_range()
    {
        using var dir = new TempDirectory();
        string path = dir.File("ints.mrc");
        MrcFile.Write(path, [1.4f, -2.6f, 2.5f, 127.4f], new Size(4), new MrcWriteOptions { Mode = MrcMode.Int8 });
        Assert.Equal([1f, -3f, 2f, 127f], MrcFile.Read(path).Data);
        var e = Assert.Throws<ArgumentException>(() =>
            MrcFile.Write(path, [0f, 1f, 65536f], new Size(3), new MrcWriteOptions { Mode = MrcMode.UInt16 }));
        Assert.Contains("element 2", e.Message, StringComparison.Ordinal);
        Assert.Contains("0..65535", e.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => MrcFile.Write(path, [float.NaN], new Size(1), new MrcWriteOptions { Mode = MrcMode.Int16 }));
    }

    [Fact]
    public void Float_modes_pass_non_finite_values_through_and_the_helper_finds_the_first()
    {
        using var dir = new TempDirectory();
        string path = dir.File("nan.mrc");
        var size = new Size(3, 2, 1, 2);
        float[] data = [0, 1, 2, 3, 4, 5, 6, float.PositiveInfinity, 8, float.NaN, 10, 11];
        MrcFile.Write(path, data, size);
        var file = MrcFile.Read(path);
        var back = file.Data;
        Assert.True(float.IsNaN(file.Header.DMin) && float.IsNaN(file.Header.DMax) && float.IsNaN(file.Header.DMean) && float.IsNaN(file.Header.Rms));
        Assert.Equal(7, NonFiniteValues.IndexOfFirst(back));
        Assert.Equal("Infinity at x=1, y=0, z=0, n=1 (element 7)", NonFiniteValues.DescribeFirst(back, size));
        Assert.Null(NonFiniteValues.DescribeFirst(new float[6], new Size(6)));
        var longFinite = Enumerable.Range(0, 100).Select(i => (float)i).ToArray();
        Assert.Equal(-1, NonFiniteValues.IndexOfFirst(longFinite));
        longFinite[93] = float.NaN;
        Assert.Equal(93, NonFiniteValues.IndexOfFirst(longFinite));
        Assert.Equal(1, NonFiniteValues.IndexOfFirst([new ComplexF(0, 0), new ComplexF(1, float.NaN)]));
    }

    [Fact]
    public void Statistics_over_many_chunks_keep_precision_when_the_mean_dwarfs_the_spread()
    {
        using var dir = new TempDirectory();
        var rng = new Random(5);
        var data = new float[300_001];
        for (int i = 0; i < data.Length; i++)
        {
            data[i] = 10_000f + (float)(rng.NextDouble() - 0.5);
        }

        string path = dir.File("offset.mrc");
        MrcFile.Write(path, data, new Size(data.Length));
        AssertStatistics(data, MrcFile.ReadHeader(path));
        double mean = data.Average(v => (double)v);
        double rms = Math.Sqrt(data.Average(v => (v - mean) * (v - mean)));
        // The spread (≈ 0.2887) must be right to 1e-6 relative even though the mean is 10⁴: no catastrophic cancellation.
        Assert.Equal(rms, MrcFile.ReadHeader(path).Rms, 1e-6 * rms);
    }

    private static int ExpectedIspg(Size size) => size.Z == 1 ? 0 : size.N == 1 ? 1 : 401;

    /// <summary>Header statistics against a double-precision two-pass computation over the stored values
    /// (tolerance: float rounding of the header fields, relative 1e-5 of the data's scale).</summary>
    private static void AssertStatistics(float[] stored, MrcHeader header)
    {
        double mean = stored.Average(v => (double)v);
        double rms = Math.Sqrt(stored.Average(v => (v - mean) * (v - mean)));
        double scale = Math.Max(1e-30, stored.Max(v => Math.Abs((double)v)));
        Assert.Equal(stored.Min(), header.DMin);
        Assert.Equal(stored.Max(), header.DMax);
        Assert.True(Math.Abs(header.DMean - mean) <= 1e-5 * scale, $"dmean {header.DMean} vs {mean}");
        Assert.True(Math.Abs(header.Rms - rms) <= 1e-5 * scale, $"rms {header.Rms} vs {rms}");
    }
}
