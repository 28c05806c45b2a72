using Oompa.Algorithms.Reconstruction.Geometry;
using Oompa.Algorithms.Reconstruction.Insertion;
using Oompa.Core.Data;

namespace Oompa.Algorithms.Tests.Reconstruction.Insertion;

public abstract partial class FourierInsertionConformance
{
    private static readonly FourierDescriptor GoodSpectra = FourierInsertion.SpectraDescriptor(4, 2);

    private static Payload<FourierDescriptor> SpectraOf(FourierDescriptor d, DataType? type = null) =>
        Payload<FourierDescriptor>.Describe(d, type ?? DataType.Complex32, "spectra");

    private static Payload<LogicalDescriptor> SpacesOf(int count, DataType? type = null) =>
        Payload<LogicalDescriptor>.Describe(FourierInsertion.SpacesDescriptor(count), type ?? TraverseSpace.DataType, "spaces");

    private static Payload<LogicalDescriptor> TableOf(int entries = 100) =>
        Payload<LogicalDescriptor>.Describe(FourierInsertion.TableDescriptor(entries), DataType.Float32, "table");

    private static FourierInsertionOutput OutputFor(FourierDescriptor spectra) => new(
        Payload<FourierDescriptor>.Describe(FourierInsertion.VolumeDescriptor(spectra), DataType.Complex32, "volume"),
        Payload<LogicalDescriptor>.Describe(FourierInsertion.WeightsDescriptor(spectra), DataType.Float32, "weights"));

    private IReadOnlyList<string> Problems(FourierInsertionOutput output, FourierInsertionInput input, FourierInsertionSettings settings)
    {
        using var algorithm = Create();
        var result = algorithm.Init(output, input, settings);
        Assert.False(result.Success, "Init accepted a request it should refuse.");
        return [.. result.RequestProblems, .. result.Decisions.SelectMany(d => d.Reasons)];
    }

    private static void AssertMentions(IReadOnlyList<string> problems, params string[] words) =>
        Assert.True(
            problems.Any(p => words.All(w => p.Contains(w, StringComparison.Ordinal))),
            $"no problem mentions {string.Join(" + ", words)}:{Environment.NewLine}{string.Join(Environment.NewLine, problems)}");

    [Fact]
    public void Accepts_a_well_formed_request_without_data()
    {
        using var algorithm = Create();
        var result = algorithm.Init(OutputFor(GoodSpectra), new(SpectraOf(GoodSpectra), SpacesOf(3), TableOf()), FourierInsertionSettings.Default);
        Assert.True(result.Success, result.Explain());
    }

    [Fact]
    public void Declines_spectra_of_the_wrong_type_state_or_shape_naming_member_and_field()
    {
        var settings = FourierInsertionSettings.Default;
        AssertMentions(Problems(OutputFor(GoodSpectra), new(SpectraOf(GoodSpectra, DataType.Float32), SpacesOf(1), TableOf()), settings), "'Spectra'", "Physical.Type");
        var unshifted = GoodSpectra.WithState(FourierState.Normalized);
        AssertMentions(Problems(OutputFor(GoodSpectra), new(SpectraOf(unshifted), SpacesOf(1), TableOf()), settings), "'Spectra'", "Shifted");
        var centered = GoodSpectra.WithState(FourierState.Shifted | FourierState.Centered);
        AssertMentions(Problems(OutputFor(GoodSpectra), new(SpectraOf(centered), SpacesOf(1), TableOf()), settings), "'Spectra'", "Centered");
        var even = new FourierDescriptor(new Size(8, 8, 1, 2), FourierDomain.Frequency, FourierState.Shifted);
        AssertMentions(Problems(OutputFor(GoodSpectra), new(SpectraOf(even), SpacesOf(1), TableOf()), settings), "'Spectra'", "SpatialSize");
        var spatial = new FourierDescriptor(GoodSpectra.SpatialSize, FourierDomain.Spatial, FourierState.Shifted);
        AssertMentions(Problems(OutputFor(GoodSpectra), new(SpectraOf(spatial), SpacesOf(1), TableOf()), settings), "'Spectra'", "Domain");
    }

    [Fact]
    public void Declines_wrong_volume_weights_spaces_and_table_members()
    {
        var settings = FourierInsertionSettings.Default;
        var input = new FourierInsertionInput(SpectraOf(GoodSpectra), SpacesOf(2), TableOf());
        var other = FourierInsertion.SpectraDescriptor(5, 2);
        var good = OutputFor(GoodSpectra);
        AssertMentions(Problems(good with { Volume = OutputFor(other).Volume }, input, settings), "'Volume'", "SpatialSize.X is 11, expected 9");
        AssertMentions(Problems(good with { Weights = OutputFor(other).Weights }, input, settings), "'Weights'", "Size");
        AssertMentions(Problems(good with { Weights = good.Weights with { Physical = good.Weights.Physical with { Type = DataType.Float64 } } }, input, settings), "'Weights'", "Physical.Type");
        var halfVolume = new FourierDescriptor(new Size(9, 9, 9), FourierDomain.Frequency, FourierState.Shifted | FourierState.Normalized);
        AssertMentions(Problems(good with { Volume = Payload<FourierDescriptor>.Describe(halfVolume, DataType.Complex32) }, input, settings), "'Volume'", "State");
        AssertMentions(Problems(good, input with { Spaces = SpacesOf(2, DataType.Float32) }, settings), "'Spaces'", "Physical.Type");
        AssertMentions(Problems(good, input with { BlobTable = null }, settings), "'BlobTable'", "absent");
        AssertMentions(Problems(good, input, settings with { Mode = InsertionMode.NearestNeighbour }), "'BlobTable'", "present");
        AssertMentions(Problems(good, input, settings with { Evaluation = BlobEvaluation.OnTheFly }), "'BlobTable'", "present");
        var oneEntry = Payload<LogicalDescriptor>.Describe(new LogicalDescriptor(new Size(1)), DataType.Float32);
        AssertMentions(Problems(good, input with { BlobTable = oneEntry }, settings), "'BlobTable'", "Size.X");
    }

    [Fact]
    public void Declines_invalid_settings_with_reasons()
    {
        var input = new FourierInsertionInput(SpectraOf(GoodSpectra), SpacesOf(1), TableOf());
        var output = OutputFor(GoodSpectra);
        AssertMentions(Problems(output, input, new FourierInsertionSettings(BlobRadius: 0)), "BlobRadius");
        AssertMentions(Problems(output, input, new FourierInsertionSettings(BlobRadius: double.NaN)), "BlobRadius");
        AssertMentions(Problems(output, input, new FourierInsertionSettings(BlobOrder: 5)), "BlobOrder");
        AssertMentions(Problems(output, input, new FourierInsertionSettings(BlobAlpha: -1)), "BlobAlpha");
        AssertMentions(Problems(output, input with { BlobTable = null }, new FourierInsertionSettings(Mode: (InsertionMode)7)), "Mode");
    }

    [Fact]
    public void Execute_rejects_payloads_that_differ_from_init()
    {
        var h = Fresh(FourierInsertionSettings.Default, new EulerAngles(1, 2, 3), new EulerAngles(4, 5, 6));
        using (h)
        {
            using var algorithm = Create();
            algorithm.Init(h.Output, h.Input, h.Case.Settings).ThrowIfFailed();
            var fewer = h.Input with { Spaces = h.SpacesPayload.Payload with { Descriptor = FourierInsertion.SpacesDescriptor(1) } };
            var error = Assert.Throws<ArgumentException>(() => algorithm.Execute(h.Output, fewer));
            Assert.Contains("'Spaces'", error.Message, StringComparison.Ordinal);
            h.AssertInputsAndGuardsIntact();
        }
    }

    [Fact]
    public void A_projection_index_outside_the_batch_is_rejected_before_anything_is_inserted()
    {
        using var h = Fresh(FourierInsertionSettings.Default, new EulerAngles(0, 0, 0), new EulerAngles(0, 90, 0));
        var spaces = h.SpacesPayload.Span<TraverseSpace>();
        spaces[1] = spaces[1] with { ProjectionIndex = 1 };
        using var algorithm = Create();
        algorithm.Init(h.Output, h.Input, h.Case.Settings).ThrowIfFailed();
        var error = Assert.Throws<ArgumentException>(() => algorithm.Execute(h.Output, h.Input));
        Assert.Contains("element 1 has ProjectionIndex 1", error.Message, StringComparison.Ordinal);
        Assert.All(h.Weights.GetLogical<float>(), w => Assert.Equal(0f, w));
    }
}
