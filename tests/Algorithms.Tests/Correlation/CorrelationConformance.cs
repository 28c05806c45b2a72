using FsCheck;
using FsCheck.Fluent;
using Oompa.Algorithms.Correlation;
using Oompa.Algorithms.Tests.Support;
using Oompa.Core.Algorithms;
using Oompa.Core.Data;
using Corr = Oompa.Algorithms.Correlation.Correlation;

namespace Oompa.Algorithms.Tests.Correlation;

/// <summary>
/// The contract every Correlation strategy meets; instantiated once per strategy and backend, public API only.
/// Tolerance: |error| ≤ 1e-6 · max |expected| (one complex product in float against double).
/// </summary>
public abstract partial class CorrelationConformance
{
    private const double Rel = 1e-6;

    /// <summary>The single strategy under test.</summary>
    protected abstract StrategyFactory<CorrelationOutput, CorrelationInput, CorrelationSettings> Strategy { get; }

    [Fact]
    public void Matches_the_reference_for_random_sizes_modes_batches_states_and_padding() =>
        Prop.ForAll(Arb.From(CorrelationCase.Gen()), c =>
        {
            bool within = c.Settings.Mode == CorrelationMode.WithinBatch;
            var d1 = new FourierDescriptor(c.Spatial, FourierDomain.Frequency, c.State, frequencyPadding: c.Pad1);
            var d2 = new FourierDescriptor(c.Spatial.WithN(c.N2), FourierDomain.Frequency, c.State, frequencyPadding: c.Pad2);
            var outD = Corr.OutputDescriptor(d1, within ? null : d2, c.Settings, c.PadOut);
            using var a = Spectra(d1, "a");
            using var b = Spectra(d2, "b");
            using var output = Spectra(outD, "out");
            var va = Gens.Complexes(c.Seed, d1.FrequencySize.Total);
            var vb = Gens.Complexes(c.Seed ^ 0x5555, d2.FrequencySize.Total);
            a.SetLogical<ComplexF>(va);
            b.SetLogical<ComplexF>(vb);

            Run(output, a, within ? null : b, c.Settings);

            var pairs = CorrelationPairs.For(c.Settings.Mode, c.Spatial.N, c.N2);
            var expected = CorrelationReference.Compute(va, within ? va : vb, c.Spatial, d1.FrequencySize.X, pairs, c.Settings.Center, c.State.HasFlag(FourierState.Shifted));
            Tolerance.AssertClose(expected, output.GetLogical<ComplexF>(), Rel, what: "correlation");
            Assert.Equal(va, a.GetLogical<ComplexF>());
            Assert.Equal(vb, b.GetLogical<ComplexF>());
            output.AssertPaddingUntouched();
            output.AssertGuardsIntact();
            a.AssertGuardsIntact();
            b.AssertGuardsIntact();
        }).QuickCheckThrowOnFailure();

    [Theory]
    [InlineData(128, 34, 1, 12, 0, true, false)]
    [InlineData(128, 34, 1, 7, 9, true, false)]
    [InlineData(24, 12, 10, 7, 7, false, true)]
    public void Matches_the_reference_on_batches_large_enough_to_run_in_parallel(int x, int y, int z, int n1, int n2, bool center, bool full)
    {
        var settings = new CorrelationSettings(n2 == 0 ? CorrelationMode.WithinBatch : CorrelationMode.AllPairs, center);
        var state = full ? FourierState.FullSpectrum : FourierState.None;
        var d1 = new FourierDescriptor(new Size(x, y, z, n1), FourierDomain.Frequency, state, frequencyPadding: new Padding(2, 1, 0, 1));
        var d2 = new FourierDescriptor(new Size(x, y, z, Math.Max(n2, 1)), FourierDomain.Frequency, state, frequencyPadding: new Padding(0, 3));
        bool within = n2 == 0;
        using var a = Spectra(d1, "a");
        using var b = Spectra(d2, "b");
        using var output = Spectra(Corr.OutputDescriptor(d1, within ? null : d2, settings, new Padding(1, 0, 1, 0)), "out");
        var va = Gens.Complexes(x + n1, d1.FrequencySize.Total);
        var vb = Gens.Complexes(y + n2, d2.FrequencySize.Total);
        a.SetLogical<ComplexF>(va);
        b.SetLogical<ComplexF>(vb);
        Run(output, a, within ? null : b, settings);
        var pairs = CorrelationPairs.For(settings.Mode, n1, n2);
        var expected = CorrelationReference.Compute(va, within ? va : vb, d1.SpatialSize, d1.FrequencySize.X, pairs, center, shifted: false);
        Tolerance.AssertClose(expected, output.GetLogical<ComplexF>(), Rel, what: "correlation");
        output.AssertPaddingUntouched();
        output.AssertGuardsIntact();
    }

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

    [Theory]
    [InlineData(6, 6, 2)]
    [InlineData(4, 10, 1)]
    [InlineData(8, 2, 6)]
    public void Centering_shifted_spectra_equals_shifting_the_centred_correlation(int x, int y, int z)
    {
        var plain = Half(new Size(x, y, z, 2));
        var shifted = plain.WithState(FourierState.Shifted);
        var values = Gens.Complexes(x + y + z, plain.FrequencySize.Total);
        var settings = new CorrelationSettings(CorrelationMode.WithinBatch, Center: true);
        using var a = Spectra(plain, "a");
        using var s = Spectra(shifted, "s");
        a.SetLogical<ComplexF>(values);
        s.SetLogical<ComplexF>(FftShiftRows(values, plain.FrequencySize));
        using var fromPlain = Spectra(Corr.OutputDescriptor(plain, null, settings), "plain");
        using var fromShifted = Spectra(Corr.OutputDescriptor(shifted, null, settings), "shifted");
        Run(fromPlain, a, null, settings);
        Run(fromShifted, s, null, settings);
        Assert.Equal(FftShiftRows(fromPlain.GetLogical<ComplexF>(), fromPlain.Payload.Descriptor.FrequencySize), fromShifted.GetLogical<ComplexF>());
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

    private static GuardedPayload<FourierDescriptor> Spectra(FourierDescriptor d, string name) => new(d, DataType.Complex32, name);

    private static FourierDescriptor Half(Size spatial, FourierState state = FourierState.None) => new(spatial, FourierDomain.Frequency, state);

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

    /// <summary>Moves row y to (y + Y/2) mod Y and plane z to (z + Z/2) mod Z in every image (fftshift along Y and Z).</summary>
    private static ComplexF[] FftShiftRows(ComplexF[] values, Size frequency)
    {
        var result = new ComplexF[values.Length];
        int w = frequency.X;
        for (int n = 0; n < frequency.N; n++)
        {
            for (int z = 0; z < frequency.Z; z++)
            {
                for (int y = 0; y < frequency.Y; y++)
                {
                    int dy = (y + (frequency.Y / 2)) % frequency.Y;
                    int dz = (z + (frequency.Z / 2)) % frequency.Z;
                    long from = ((((long)n * frequency.Z) + z) * frequency.Y + y) * w;
                    long to = ((((long)n * frequency.Z) + dz) * frequency.Y + dy) * w;
                    Array.Copy(values, from, result, to, w);
                }
            }
        }

        return result;
    }

    private Corr Create() => new([Strategy]);

    private void Run(GuardedPayload<FourierDescriptor> output, GuardedPayload<FourierDescriptor> data1, GuardedPayload<FourierDescriptor>? data2, CorrelationSettings settings)
    {
        using var algorithm = Create();
        var o = new CorrelationOutput(output.Payload);
        var i = new CorrelationInput(data1.Payload, data2?.Payload);
        algorithm.Init(o, i, settings).ThrowIfFailed();
        algorithm.Execute(o, i);
        algorithm.Synchronize();
    }
}
