using Oompa.Algorithms.FourierProcessing;
using Oompa.Algorithms.Tests.Support;
using Oompa.Core.Data;
using Fp = Oompa.Algorithms.FourierProcessing.FourierProcessing;

namespace Oompa.Algorithms.Tests.FourierProcessing;

/// <summary>What the options mean in the spatial domain, checked through the double-precision NaiveDft.</summary>
public abstract partial class FourierProcessingConformance
{
    [Theory]
    [InlineData(16, 12, 1, 8, 6, 1)]
    [InlineData(15, 13, 1, 9, 7, 1)]
    [InlineData(16, 12, 1, 16, 5, 1)]
    [InlineData(10, 8, 6, 6, 4, 4)]
    [InlineData(9, 7, 7, 5, 7, 3)]
    [InlineData(20, 1, 1, 9, 1, 1)]
    public void Crop_then_inverse_DFT_is_band_limited_downsampling(int ix, int iy, int iz, int ox, int oy, int oz)
    {
        var inS = new Size(ix, iy, iz, 2);
        var outS = new Size(ox, oy, oz, 2);
        var rng = new Random((ix * 31) + (oy * 7) + oz);
        var waves = new List<(int N, int Kx, int Ky, int Kz, double A, double Phi)>();
        for (int n = 0; n < inS.N; n++)
        {
            for (int c = 0; c < 4; c++)
            {
                // Strictly below the output Nyquist frequency on every axis, so the smaller grid represents them exactly.
                int kx = rng.Next(0, ((ox - 1) / 2) + 1);
                int ky = rng.Next(-(oy - 1) / 2, ((oy - 1) / 2) + 1);
                int kz = rng.Next(-(oz - 1) / 2, ((oz - 1) / 2) + 1);
                waves.Add((n, kx, ky, kz, 0.5 + rng.NextDouble(), rng.NextDouble() * 2 * Math.PI));
            }
        }

        var image = Sample(waves, inS);
        var inD = Half(inS);
        var settings = new FourierProcessingSettings { Normalize = true };
        var outD = Fp.OutputDescriptor(inD, outS, settings);
        using var input = Spectra(inD, "in");
        using var output = Spectra(outD, "out");
        input.SetLogical<ComplexF>(NaiveDft.RealToHalf(image, inS));
        Run(output, input, null, settings);

        // Normalising by 1/(input X·Y·Z) and inverting without normalisation on the small grid keeps the amplitudes.
        var actual = NaiveDft.HalfToReal(output.GetLogical<ComplexF>(), outS);
        Tolerance.AssertClose(Sample(waves, outS), actual, rel: 1e-5, abs: 1e-5, what: "downsampled");
        output.AssertGuardsIntact();
    }

    [Theory]
    [InlineData(8, 6, 1)]
    [InlineData(4, 6, 4)]
    [InlineData(10, 1, 1)]
    [InlineData(1, 6, 1)]
    [InlineData(2, 2, 2)]
    public void Centering_makes_the_inverse_DFT_the_fftshifted_image(int x, int y, int z)
    {
        var size = new Size(x, y, z, 3);
        var image = Gens.Floats(x + (10 * y) + (100 * z), size.Total);
        var settings = new FourierProcessingSettings { Normalize = true, Center = true };
        var inD = Half(size);
        using var input = Spectra(inD, "in");
        using var output = Spectra(Fp.OutputDescriptor(inD, settings), "out");
        input.SetLogical<ComplexF>(NaiveDft.RealToHalf(image, size));
        Run(output, input, null, settings);

        var actual = NaiveDft.HalfToReal(output.GetLogical<ComplexF>(), size);
        var expected = new float[size.Total];
        for (long i = 0; i < size.Total; i++)
        {
            var (px, py, pz, n) = Coordinates(i, size);
            // The origin moves to the middle: out[p] = image[p − L/2 (mod L)] on every axis.
            int sx = (px + x - (x / 2)) % x;
            int sy = (py + y - (y / 2)) % y;
            int sz = (pz + z - (z / 2)) % z;
            expected[i] = image[Index(sx, sy, sz, n, size)];
        }

        Tolerance.AssertClose(expected, actual, rel: 1e-5, abs: 1e-6, what: "centred");
    }

    [Theory]
    [InlineData(5, 6, 1)]
    [InlineData(4, 3, 1)]
    [InlineData(6, 4, 5)]
    [InlineData(7, 5, 4)]
    [InlineData(8, 1, 1)]
    public void Shift_moves_DC_to_the_centre_row_and_plane(int x, int y, int z)
    {
        var size = new Size(x, y, z, 2);
        var settings = new FourierProcessingSettings { Shift = true };
        var inD = Half(size);
        using var input = Spectra(inD, "in");
        using var output = Spectra(Fp.OutputDescriptor(inD, settings), "out");
        var data = Gens.Complexes(x * y * z, inD.FrequencySize.Total);
        input.SetLogical<ComplexF>(data);
        Run(output, input, null, settings);

        for (int n = 0; n < size.N; n++)
        {
            Assert.Equal(input.At<ComplexF>(0, 0, 0, n), output.At<ComplexF>(0, y / 2, z / 2, n));
            for (int pz = 0; pz < z; pz++)
            {
                for (int py = 0; py < y; py++)
                {
                    for (int px = 0; px < inD.FrequencySize.X; px++)
                    {
                        Assert.Equal(input.At<ComplexF>(px, py, pz, n), output.At<ComplexF>(px, (py + (y / 2)) % y, (pz + (z / 2)) % z, n));
                    }
                }
            }
        }
    }

    private static float[] Sample(List<(int N, int Kx, int Ky, int Kz, double A, double Phi)> waves, Size grid)
    {
        var values = new float[grid.Total];
        for (long i = 0; i < grid.Total; i++)
        {
            var (x, y, z, n) = Coordinates(i, grid);
            double v = 0;
            foreach (var w in waves.Where(w => w.N == n))
            {
                v += w.A * Math.Cos((2 * Math.PI * (((double)w.Kx * x / grid.X) + ((double)w.Ky * y / grid.Y) + ((double)w.Kz * z / grid.Z))) + w.Phi);
            }

            values[i] = (float)v;
        }

        return values;
    }

    private static (int X, int Y, int Z, int N) Coordinates(long i, Size s) =>
        ((int)(i % s.X), (int)(i / s.X % s.Y), (int)(i / s.X / s.Y % s.Z), (int)(i / s.Single));

    private static long Index(int x, int y, int z, int n, Size s) => ((((((long)n * s.Z) + z) * s.Y) + y) * s.X) + x;
}
