using System.Numerics;
using Oompa.Algorithms.Correlation;
using Oompa.Algorithms.Tests.Support;
using Oompa.Core.Data;
using Corr = Oompa.Algorithms.Correlation.Correlation;

namespace Oompa.Algorithms.Tests.Correlation;

/// <summary>The correlation of an image with a circularly shifted copy peaks at the shift (checked via NaiveDft).</summary>
public abstract partial class CorrelationConformance
{
    [Theory]
    [InlineData(16, 12, 1, 3, -2, 0, false, false)]
    [InlineData(16, 12, 1, 3, -2, 0, true, false)]
    [InlineData(16, 12, 1, -5, 4, 0, true, true)]
    [InlineData(15, 9, 1, 7, 2, 0, false, true)]
    [InlineData(8, 6, 4, 1, 2, -1, true, false)]
    [InlineData(7, 5, 3, -2, 1, 1, false, false)]
    [InlineData(20, 1, 1, 6, 0, 0, true, false)]
    public void Peak_of_image_against_its_shifted_copy_is_at_the_shift(int x, int y, int z, int sx, int sy, int sz, bool center, bool full)
    {
        var size = new Size(x, y, z);
        var image = Gens.Floats((x * 100) + (y * 10) + z, size.Total);
        var moved = new float[size.Total];
        for (int pz = 0; pz < z; pz++)
        {
            for (int py = 0; py < y; py++)
            {
                for (int px = 0; px < x; px++)
                {
                    // moved(p) = image(p − s), circularly.
                    moved[Index(px, py, pz, 0, size)] = image[Index(Mod(px - sx, x), Mod(py - sy, y), Mod(pz - sz, z), 0, size)];
                }
            }
        }

        var state = full ? FourierState.FullSpectrum : FourierState.None;
        var d = new FourierDescriptor(size, FourierDomain.Frequency, state);
        using var a = Spectra(d, "moved");
        using var b = Spectra(d, "image");
        a.SetLogical<ComplexF>(Forward(moved, size, full));
        b.SetLogical<ComplexF>(Forward(image, size, full));
        var settings = new CorrelationSettings(CorrelationMode.AllPairs, center);
        using var output = Spectra(Corr.OutputDescriptor(d, d, settings), "out");
        Run(output, a, b, settings);

        var map = Inverse(output.GetLogical<ComplexF>(), size, full);
        int best = 0;
        for (int e = 1; e < map.Length; e++)
        {
            best = map[e] > map[best] ? e : best;
        }

        int cx = center ? x / 2 : 0;
        int cy = center ? y / 2 : 0;
        int cz = center ? z / 2 : 0;
        Assert.Equal(Index(Mod(cx + sx, x), Mod(cy + sy, y), Mod(cz + sz, z), 0, size), best);
    }

    [Fact]
    public void Within_batch_peaks_give_the_relative_shifts()
    {
        var size = new Size(12, 10, 1);
        var image = Gens.Floats(99, size.Total);
        (int X, int Y)[] shifts = [(0, 0), (2, -3), (-4, 1)];
        var frames = new float[size.Total * shifts.Length];
        for (int n = 0; n < shifts.Length; n++)
        {
            for (int py = 0; py < size.Y; py++)
            {
                for (int px = 0; px < size.X; px++)
                {
                    frames[Index(px, py, 0, n, size)] = image[Index(Mod(px - shifts[n].X, size.X), Mod(py - shifts[n].Y, size.Y), 0, 0, size)];
                }
            }
        }

        var batch = size.WithN(shifts.Length);
        var d = new FourierDescriptor(batch, FourierDomain.Frequency);
        using var a = Spectra(d, "frames");
        a.SetLogical<ComplexF>(NaiveDft.RealToHalf(frames, batch));
        var settings = new CorrelationSettings(CorrelationMode.WithinBatch, Center: true);
        var outD = Corr.OutputDescriptor(d, null, settings);
        using var output = Spectra(outD, "out");
        Run(output, a, null, settings);

        var maps = NaiveDft.HalfToReal(output.GetLogical<ComplexF>(), outD.SpatialSize);
        var pairs = CorrelationPairs.WithinBatch(shifts.Length);
        for (int p = 0; p < pairs.Count; p++)
        {
            var (i, j) = pairs.PairOf(p);
            var map = maps.AsSpan(p * (int)size.Single, (int)size.Single);
            int best = map.IndexOf(MaxOf(map));
            // Frame i is frame j displaced by shift_i − shift_j.
            int ex = Mod((size.X / 2) + shifts[i].X - shifts[j].X, size.X);
            int ey = Mod((size.Y / 2) + shifts[i].Y - shifts[j].Y, size.Y);
            Assert.Equal((ey * size.X) + ex, best);
        }
    }

    private static float MaxOf(ReadOnlySpan<float> values)
    {
        float m = float.MinValue;
        foreach (float v in values)
        {
            m = Math.Max(m, v);
        }

        return m;
    }

    private static ComplexF[] Forward(float[] image, Size size, bool full)
    {
        if (!full)
        {
            return NaiveDft.RealToHalf(image, size);
        }

        var spectrum = NaiveDft.Transform(image.Select(v => new Complex(v, 0)).ToArray(), size, inverse: false);
        return spectrum.Select(v => new ComplexF((float)v.Real, (float)v.Imaginary)).ToArray();
    }

    private static float[] Inverse(ComplexF[] spectrum, Size size, bool full) =>
        full
            ? NaiveDft.Transform(spectrum.Select(v => new Complex(v.Re, v.Im)).ToArray(), size, inverse: true).Select(v => (float)v.Real).ToArray()
            : NaiveDft.HalfToReal(spectrum, size);

    private static int Mod(int v, int m) => ((v % m) + m) % m;

    private static int Index(int x, int y, int z, int n, Size s) => (int)((((((long)n * s.Z) + z) * s.Y) + y) * s.X) + x;
}
