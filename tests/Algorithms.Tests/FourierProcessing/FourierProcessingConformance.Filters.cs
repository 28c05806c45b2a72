using Oompa.Algorithms.FourierProcessing;
using Oompa.Algorithms.Tests.Support;
using Oompa.Core.Data;
using Fp = Oompa.Algorithms.FourierProcessing.FourierProcessing;

namespace Oompa.Algorithms.Tests.FourierProcessing;

/// <summary>Maximum frequency, Gaussian low-pass and the filter payload.</summary>
public abstract partial class FourierProcessingConformance
{
    [Theory]
    [InlineData(16, 12, 1, 10, 8, 1, 0.25)]
    [InlineData(16, 12, 1, 16, 12, 1, 0.5)]
    [InlineData(12, 8, 8, 8, 6, 5, 0.3)]
    [InlineData(33, 1, 1, 20, 1, 1, 0.2)]
    public void Max_frequency_zeroes_exactly_the_coefficients_beyond_f_on_the_input_grid(int ix, int iy, int iz, int ox, int oy, int oz, double fmax)
    {
        var inS = new Size(ix, iy, iz, 2);
        var outS = new Size(ox, oy, oz, 2);
        var settings = new FourierProcessingSettings { MaxFrequency = fmax };
        var inD = Half(inS);
        var outD = Fp.OutputDescriptor(inD, outS, settings);
        using var input = Spectra(inD, "in");
        using var output = Spectra(outD, "out");
        var data = Gens.Complexes(ix + oy, inD.FrequencySize.Total);
        for (int i = 0; i < data.Length; i += 5)
        {
            data[i] = new ComplexF(float.NaN, float.PositiveInfinity);
        }

        input.SetLogical<ComplexF>(data);
        Run(output, input, null, settings);

        int kept = 0;
        int removed = 0;
        for (int n = 0; n < outS.N; n++)
        {
            for (int z = 0; z < oz; z++)
            {
                for (int y = 0; y < oy; y++)
                {
                    for (int x = 0; x < outD.FrequencySize.X; x++)
                    {
                        int sy = y <= oy / 2 ? y : iy - (oy - y);
                        int sz = z <= oz / 2 ? z : iz - (oz - z);
                        double fy = (double)FourierProcessingReference.Signed(sy, iy) / iy;
                        double fz = (double)FourierProcessingReference.Signed(sz, iz) / iz;
                        var actual = output.At<ComplexF>(x, y, z, n);
                        if (FourierProcessingReference.Beyond((double)x / ix, fy, fz, fmax))
                        {
                            // Set, not multiplied: NaN and infinity beyond the cut become exactly zero.
                            Assert.Equal(default, actual);
                            removed++;
                        }
                        else
                        {
                            Assert.Equal(input.At<ComplexF>(x, sy, sz, n), actual);
                            kept++;
                        }
                    }
                }
            }
        }

        Assert.True(kept > 0 && (removed > 0 || fmax == 0.5), $"kept {kept}, removed {removed}");
        if (fmax == 0.25 && iy == 12 && ix == 16)
        {
            // |f| exactly 0.25 (x = 4 of 16, y = 3 of 12) is kept; the next column is removed.
            Assert.Equal(input.At<ComplexF>(4, 0), output.At<ComplexF>(4, 0));
            Assert.Equal(input.At<ComplexF>(0, 3), output.At<ComplexF>(0, 3));
            Assert.Equal(default, output.At<ComplexF>(5, 0));
        }
    }

    [Fact]
    public void Gaussian_multiplies_by_exp_of_minus_w2_over_2_sigma2_on_the_output_grid()
    {
        var inS = new Size(16, 10, 1, 2);
        var outS = new Size(8, 6, 1, 2);
        var settings = new FourierProcessingSettings { GaussianSigma = 0.125 };
        var inD = Half(inS);
        var outD = Fp.OutputDescriptor(inD, outS, settings);
        using var input = Spectra(inD, "in");
        using var output = Spectra(outD, "out");
        input.SetLogical<ComplexF>(Enumerable.Repeat(new ComplexF(1, -2), (int)inD.FrequencySize.Total).ToArray());
        Run(output, input, null, settings);

        for (int y = 0; y < outS.Y; y++)
        {
            for (int x = 0; x < outD.FrequencySize.X; x++)
            {
                double fx = x / 8.0;
                double fy = FourierProcessingReference.Signed(y, 6) / 6.0;
                double h = Math.Exp(-((fx * fx) + (fy * fy)) / (2 * 0.125 * 0.125));
                var v = output.At<ComplexF>(x, y, 0, 1);
                Assert.Equal(h, v.Re, 1e-6);
                Assert.Equal(-2 * h, v.Im, 1e-6);
            }
        }

        // fx = 2/8 = 2σ on the output grid: H = e^−2.
        Assert.Equal(Math.Exp(-2), output.At<ComplexF>(2, 0).Re, 1e-7);
    }

    [Theory]
    [InlineData(6, 5, 1)]
    [InlineData(8, 4, 6)]
    [InlineData(9, 1, 1)]
    public void Filter_payload_is_applied_at_the_unshifted_index_also_when_shifting(int x, int y, int z)
    {
        var size = new Size(x, y, z, 3);
        var settings = new FourierProcessingSettings { Shift = true, ApplyFilter = true };
        var inD = Half(size);
        var outD = Fp.OutputDescriptor(inD, settings);
        using var input = Spectra(inD, "in");
        using var output = Spectra(outD, "out");
        using var filter = new GuardedPayload<LogicalDescriptor>(new LogicalDescriptor(outD.FrequencySize.WithN(1), new Padding(1, 1)), DataType.Float32, "filter");
        filter.SetLogical<float>(Gens.Floats(x * y, outD.FrequencySize.Single));
        input.SetLogical<ComplexF>(Gens.Complexes(z, inD.FrequencySize.Total));
        Run(output, input, filter, settings);

        for (int n = 0; n < size.N; n++)
        {
            for (int pz = 0; pz < z; pz++)
            {
                for (int py = 0; py < y; py++)
                {
                    for (int px = 0; px < outD.FrequencySize.X; px++)
                    {
                        var expected = input.At<ComplexF>(px, py, pz, n) * filter.At<float>(px, py, pz);
                        var actual = output.At<ComplexF>(px, (py + (y / 2)) % y, (pz + (z / 2)) % z, n);
                        Assert.Equal(expected.Re, actual.Re, 1e-6);
                        Assert.Equal(expected.Im, actual.Im, 1e-6);
                    }
                }
            }
        }

        filter.AssertPaddingUntouched();
        filter.AssertGuardsIntact();
    }
}
