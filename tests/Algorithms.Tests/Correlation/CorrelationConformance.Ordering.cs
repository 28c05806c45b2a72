using Oompa.Algorithms.Correlation;
using Oompa.Algorithms.Tests.Support;
using Oompa.Core.Data;
using Corr = Oompa.Algorithms.Correlation.Correlation;

namespace Oompa.Algorithms.Tests.Correlation;

/// <summary>Output order in both modes, and NaN propagation.</summary>
public abstract partial class CorrelationConformance
{
    [Fact]
    public void All_pairs_order_is_i_times_N_plus_j_even_when_Data2_is_Data1()
    {
        var d1 = Half(new Size(6, 4, 1, 3));
        var d2 = Half(new Size(6, 4, 1, 4));
        using var a = Spectra(d1, "a");
        using var b = Spectra(d2, "b");
        a.SetLogical<ComplexF>(PerImage(d1, k => new ComplexF(k + 1, 0)));
        b.SetLogical<ComplexF>(PerImage(d2, k => new ComplexF(1, k + 1)));
        var settings = new CorrelationSettings(CorrelationMode.AllPairs);
        using var output = Spectra(Corr.OutputDescriptor(d1, d2, settings), "out");
        Run(output, a, b, settings);
        for (int i = 0; i < 3; i++)
        {
            for (int j = 0; j < 4; j++)
            {
                // (i+1)·conj(1 + (j+1)i) = (i+1, −(i+1)(j+1)) identifies the pair.
                Assert.Equal(new ComplexF(i + 1, -(i + 1) * (j + 1)), output.At<ComplexF>(3, 2, 0, (i * 4) + j));
            }
        }

        // The same payload as Data1 and Data2 still means all M × M pairs: the mode decides, never the pointers.
        using var square = Spectra(Corr.OutputDescriptor(d1, d1, settings), "square");
        Run(square, a, a, settings);
        Assert.Equal(9, square.Payload.Descriptor.SpatialSize.N);
        for (int i = 0; i < 3; i++)
        {
            for (int j = 0; j < 3; j++)
            {
                Assert.Equal(new ComplexF((i + 1) * (j + 1), 0), square.At<ComplexF>(1, 1, 0, (i * 3) + j));
            }
        }
    }

    [Fact]
    public void Within_batch_order_is_0_1_then_0_2_up_to_n_minus_2_n_minus_1()
    {
        var d1 = Half(new Size(5, 3, 2, 5));
        using var a = Spectra(d1, "a");
        a.SetLogical<ComplexF>(PerImage(d1, k => new ComplexF(1, k)));
        var settings = new CorrelationSettings(CorrelationMode.WithinBatch);
        using var output = Spectra(Corr.OutputDescriptor(d1, null, settings), "out");
        Run(output, a, null, settings);
        (int, int)[] order = [(0, 1), (0, 2), (0, 3), (0, 4), (1, 2), (1, 3), (1, 4), (2, 3), (2, 4), (3, 4)];
        Assert.Equal(order.Length, output.Payload.Descriptor.SpatialSize.N);
        var pairs = CorrelationPairs.WithinBatch(5);
        for (int p = 0; p < order.Length; p++)
        {
            var (i, j) = order[p];
            Assert.Equal((i, j), pairs.PairOf(p));
            Assert.Equal(p, pairs.IndexOf(i, j));
            // (1 + i·1i)·conj(1 + j·1i) = (1 + i·j, i − j).
            Assert.Equal(new ComplexF(1 + (i * j), i - j), output.At<ComplexF>(2, 1, 1, p));
        }

        output.AssertGuardsIntact();
    }

    [Fact]
    public void NaN_propagates_only_to_the_products_that_use_it()
    {
        var d1 = Half(new Size(8, 4, 1, 2));
        using var a = Spectra(d1, "a");
        a.SetLogical<ComplexF>(Gens.Complexes(1, d1.FrequencySize.Total));
        a.At<ComplexF>(2, 1, 0, 0) = new ComplexF(float.NaN, 0);
        var settings = new CorrelationSettings(CorrelationMode.AllPairs, Center: true);
        using var output = Spectra(Corr.OutputDescriptor(d1, d1, settings), "out");
        Run(output, a, a, settings);
        var values = output.GetLogical<ComplexF>();
        int image = (int)d1.FrequencySize.Single;
        int at = (1 * 5) + 2;
        for (int p = 0; p < 4; p++)
        {
            bool usesIt = p != 3; // pairs (0,0), (0,1), (1,0) read image 0
            for (int e = 0; e < image; e++)
            {
                var v = values[(p * image) + e];
                bool nan = float.IsNaN(v.Re) || float.IsNaN(v.Im);
                Assert.Equal(usesIt && e == at, nan);
            }
        }
    }

    private static ComplexF[] PerImage(FourierDescriptor d, Func<int, ComplexF> value)
    {
        long image = d.FrequencySize.Single;
        var values = new ComplexF[d.FrequencySize.Total];
        for (long e = 0; e < values.Length; e++)
        {
            values[e] = value((int)(e / image));
        }

        return values;
    }
}
