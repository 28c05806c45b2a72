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

    private static GuardedPayload<FourierDescriptor> Spectra(FourierDescriptor d, string name) => new(d, DataType.Complex32, name);

    private static FourierDescriptor Half(Size spatial, FourierState state = FourierState.None) => new(spatial, FourierDomain.Frequency, state);

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
