using FsCheck;
using FsCheck.Fluent;
using Oompa.Algorithms.FourierProcessing;
using Oompa.Algorithms.Tests.Support;
using Oompa.Core.Algorithms;
using Oompa.Core.Data;
using Fp = Oompa.Algorithms.FourierProcessing.FourierProcessing;

namespace Oompa.Algorithms.Tests.FourierProcessing;

/// <summary>
/// The contract every FourierProcessing strategy meets; instantiated once per strategy and backend. Uses only the
/// public API and the Support helpers. Numerical tolerance: |error| ≤ 1e-5 · max |expected| (float kernels against a
/// double reference; the factors are products of at most four rounded floats).
/// </summary>
public abstract partial class FourierProcessingConformance
{
    private const double Rel = 1e-5;

    /// <summary>The single strategy under test.</summary>
    protected abstract StrategyFactory<FourierProcessingOutput, FourierProcessingInput, FourierProcessingSettings> Strategy { get; }

    [Fact]
    public void Matches_the_reference_for_random_sizes_crops_options_batches_and_padding() =>
        Prop.ForAll(Arb.From(FourierProcessingCase.Gen()), c =>
        {
            var inD = new FourierDescriptor(c.Input, FourierDomain.Frequency, FourierState.None, frequencyPadding: c.InputPadding);
            var outD = Fp.OutputDescriptor(inD, c.Output, c.Settings, c.OutputPadding);
            using var input = Spectra(inD, "in");
            using var output = Spectra(outD, "out");
            var data = Gens.Complexes(c.Seed, inD.FrequencySize.Total);
            input.SetLogical<ComplexF>(data);
            using var filter = new GuardedPayload<LogicalDescriptor>(new LogicalDescriptor(outD.FrequencySize.WithN(1), c.FilterPadding), DataType.Float32, "filter");
            var filterValues = Gens.Floats(c.Seed + 1, outD.FrequencySize.Single);
            filter.SetLogical<float>(filterValues);

            Run(output, input, c.Settings.ApplyFilter ? filter : null, c.Settings);

            var expected = FourierProcessingReference.Compute(data, c.Input, c.Output, c.Settings.ApplyFilter ? filterValues : null, c.Settings);
            Tolerance.AssertClose(expected, output.GetLogical<ComplexF>(), Rel, what: "out");
            Assert.Equal(data, input.GetLogical<ComplexF>());
            output.AssertPaddingUntouched();
            output.AssertGuardsIntact();
            input.AssertGuardsIntact();
            filter.AssertGuardsIntact();
        }).QuickCheckThrowOnFailure();

    [Theory]
    [InlineData(256, 128, 1, 17, 200, 100, 1)]
    [InlineData(48, 32, 24, 9, 46, 30, 22)]
    [InlineData(1024, 40, 1, 7, 1024, 40, 1)]
    [InlineData(1000, 64, 1, 5, 900, 50, 1)]
    public void Matches_the_reference_on_batches_large_enough_to_run_in_parallel(int ix, int iy, int iz, int n, int ox, int oy, int oz)
    {
        var settings = new FourierProcessingSettings { Normalize = true, Center = true, Shift = true, ApplyFilter = true, GaussianSigma = 0.15, MaxFrequency = 0.3 };
        var inD = Half(new Size(ix, iy, iz, n), padding: new Padding(1, 3, 2, 0));
        var outD = Fp.OutputDescriptor(inD, new Size(ox, oy, oz), settings, new Padding(0, 2, 1, 1));
        using var input = Spectra(inD, "in");
        using var output = Spectra(outD, "out");
        using var filter = new GuardedPayload<LogicalDescriptor>(new LogicalDescriptor(outD.FrequencySize.WithN(1)), DataType.Float32, "filter");
        var data = Gens.Complexes(ix + n, inD.FrequencySize.Total);
        var filterValues = Gens.Floats(ox, outD.FrequencySize.Single);
        input.SetLogical<ComplexF>(data);
        filter.SetLogical<float>(filterValues);
        Run(output, input, filter, settings);
        var expected = FourierProcessingReference.Compute(data, inD.SpatialSize, outD.SpatialSize, filterValues, settings);
        Tolerance.AssertClose(expected, output.GetLogical<ComplexF>(), Rel, what: "out");
        output.AssertPaddingUntouched();
        output.AssertGuardsIntact();
    }

    [Fact]
    public void Without_options_or_crop_copies_exactly_and_in_place_leaves_data_unchanged()
    {
        var inD = new FourierDescriptor(new Size(9, 5, 3, 4), FourierDomain.Frequency, frequencyPadding: new Padding(1, 2, 0, 1));
        using var input = Spectra(inD, "in");
        using var output = Spectra(Fp.OutputDescriptor(inD, FourierProcessingSettings.None), "out");
        var data = Gens.Complexes(7, inD.FrequencySize.Total);
        input.SetLogical<ComplexF>(data);
        Run(output, input, null, FourierProcessingSettings.None);
        Assert.Equal(data, output.GetLogical<ComplexF>());

        var inPlace = new FourierProcessingOutput(input.Payload);
        using var algorithm = Create();
        algorithm.Init(inPlace, new FourierProcessingInput(input.Payload), FourierProcessingSettings.None).ThrowIfFailed();
        algorithm.Execute(inPlace, new FourierProcessingInput(input.Payload));
        Assert.Equal(data, input.GetLogical<ComplexF>());
        input.AssertPaddingUntouched();
        input.AssertGuardsIntact();
    }

    [Fact]
    public void In_place_normalise_center_filter_and_max_frequency_match_out_of_place()
    {
        var size = new Size(12, 8, 1, 3);
        var settings = new FourierProcessingSettings { Normalize = true, Center = true, ApplyFilter = true, GaussianSigma = 0.2, MaxFrequency = 0.3 };
        var inD = new FourierDescriptor(size, FourierDomain.Frequency);
        var outD = Fp.OutputDescriptor(inD, settings);
        using var a = Spectra(inD, "a");
        using var b = Spectra(outD, "b");
        using var filter = new GuardedPayload<LogicalDescriptor>(new LogicalDescriptor(outD.FrequencySize.WithN(1)), DataType.Float32, "filter");
        filter.SetLogical<float>(Gens.Floats(3, outD.FrequencySize.Single));
        var data = Gens.Complexes(5, inD.FrequencySize.Total);
        a.SetLogical<ComplexF>(data);
        Run(b, a, filter, settings);

        var inPlace = a.Payload.WithDescriptor(outD);
        using var algorithm = Create();
        var output = new FourierProcessingOutput(inPlace);
        var input = new FourierProcessingInput(a.Payload, filter.Payload);
        algorithm.Init(output, input, settings).ThrowIfFailed();
        algorithm.Execute(output, input);
        Assert.Equal(b.GetLogical<ComplexF>(), a.GetLogical<ComplexF>());
        a.AssertGuardsIntact();
    }

    private static GuardedPayload<FourierDescriptor> Spectra(FourierDescriptor d, string name) => new(d, DataType.Complex32, name);

    private static FourierDescriptor Half(Size spatial, FourierState state = FourierState.None, Padding padding = default) =>
        new(spatial, FourierDomain.Frequency, state, frequencyPadding: padding);

    private Fp Create() => new([Strategy]);

    private void Run(GuardedPayload<FourierDescriptor> output, GuardedPayload<FourierDescriptor> input, GuardedPayload<LogicalDescriptor>? filter, FourierProcessingSettings settings)
    {
        using var algorithm = Create();
        var o = new FourierProcessingOutput(output.Payload);
        var i = new FourierProcessingInput(input.Payload, filter?.Payload);
        algorithm.Init(o, i, settings).ThrowIfFailed();
        algorithm.Execute(o, i);
        algorithm.Synchronize();
    }

    private InitResult TryInit(FourierDescriptor outD, FourierDescriptor inD, FourierProcessingSettings settings, Payload<LogicalDescriptor>? filter = null, DataType? type = null)
    {
        using var algorithm = Create();
        var t = type ?? DataType.Complex32;
        return algorithm.Init(
            new FourierProcessingOutput(Payload<FourierDescriptor>.Describe(outD, DataType.Complex32, "out")),
            new FourierProcessingInput(Payload<FourierDescriptor>.Describe(inD, t, "in"), filter),
            settings);
    }
}
