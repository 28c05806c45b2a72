using Oompa.Algorithms.Correlation;
using Oompa.Core.Algorithms;
using Oompa.Core.Data;
using Corr = Oompa.Algorithms.Correlation.Correlation;

namespace Oompa.Algorithms.Tests.Correlation;

/// <summary>Requests that must be declined, each with a reason naming the member and the field.</summary>
public abstract partial class CorrelationConformance
{
    private static readonly CorrelationSettings AllPairs = new(CorrelationMode.AllPairs);
    private static readonly CorrelationSettings Within = new(CorrelationMode.WithinBatch);

    [Theory]
    [InlineData(8, 7, 1, "SpatialSize.Y")]
    [InlineData(9, 8, 1, "SpatialSize.X")]
    [InlineData(8, 8, 3, "SpatialSize.Z")]
    [InlineData(15, 1, 1, "SpatialSize.X")]
    public void Centering_odd_sizes_is_declined_naming_the_axis(int x, int y, int z, string field)
    {
        var d = Half(new Size(x, y, z, 2));
        var settings = new CorrelationSettings(CorrelationMode.AllPairs, Center: true);
        AssertProblem(TryInit(Corr.OutputDescriptor(d, d, settings), d, d, settings), "input member 'Data1'", field, "odd");
    }

    [Fact]
    public void Declines_mismatched_sizes_types_states_and_members()
    {
        var d1 = Half(new Size(8, 6, 1, 3));
        var d2 = Half(new Size(8, 4, 1, 2));
        var o = Corr.OutputDescriptor(d1, d1.WithN(2), AllPairs);
        AssertProblem(TryInit(o, d1, d2, AllPairs), "input member 'Data2'", "SpatialSize.Y is 4", "'Data1' has 6");
        AssertProblem(TryInit(o, d1, d1.WithN(2), AllPairs, type1: DataType.Float32), "input member 'Data1'", "Physical.Type", "Float32");
        AssertProblem(TryInit(o, d1, d1.WithN(2), AllPairs, type2: DataType.Complex64), "input member 'Data2'", "Physical.Type", "Complex64");
        AssertProblem(TryInit(o, d1, d1.WithN(2).WithState(FourierState.FullSpectrum), AllPairs), "input member 'Data2'", "State");
        AssertProblem(TryInit(o, d1.ToSpatial(), d1.WithN(2), AllPairs), "input member 'Data1'", "Domain", "Spatial");
        AssertProblem(TryInit(o, d1, null, AllPairs), "input member 'Data2'", "absent", "AllPairs");
        AssertProblem(TryInit(o, d1, d1, Within), "input member 'Data2'", "present", "WithinBatch");
        AssertProblem(TryInit(o, d1.WithN(1), null, Within), "input member 'Data1'", "SpatialSize.N is 1", "WithinBatch");
        var centered = d1.WithState(FourierState.Centered);
        AssertProblem(TryInit(o, centered, centered.WithN(2), AllPairs), "input member 'Data1'", "Centered");
    }

    [Fact]
    public void Declines_outputs_whose_descriptor_differs_from_the_output_descriptor()
    {
        var d1 = Half(new Size(8, 6, 1, 4));
        var within = Corr.OutputDescriptor(d1, null, Within);
        Assert.Equal(6, within.SpatialSize.N);
        Assert.True(TryInit(within, d1, null, Within).Success);
        AssertProblem(TryInit(within.WithN(16), d1, null, Within), "output member 'Correlations'", "SpatialSize.N is 16, expected 6");
        AssertProblem(TryInit(Half(new Size(8, 8, 1, 6)), d1, null, Within), "output member 'Correlations'", "SpatialSize.Y");
        var centered = new CorrelationSettings(CorrelationMode.WithinBatch, Center: true);
        AssertProblem(TryInit(within, d1, null, centered), "output member 'Correlations'", "State", "Centered");
        Assert.Equal(FourierState.Centered | FourierState.Shifted, Corr.OutputDescriptor(d1.WithState(FourierState.Shifted | FourierState.Normalized), null, centered).State);
        Assert.Throws<ArgumentException>(() => Corr.OutputDescriptor(d1.WithN(1), null, Within));
        Assert.Throws<ArgumentException>(() => Corr.OutputDescriptor(d1, null, AllPairs));
    }

    [Fact]
    public void Declines_outputs_that_overlap_an_input_at_init_and_at_execute()
    {
        var d1 = Half(new Size(8, 6, 1, 3));
        var outD = Corr.OutputDescriptor(d1, null, Within);
        using var a = Spectra(d1, "a");
        using var algorithm = Create();
        var overlapping = new CorrelationOutput(a.Payload.WithDescriptor(outD));
        AssertProblem(algorithm.Init(overlapping, new CorrelationInput(a.Payload), Within), "output member 'Correlations'", "overlaps", "'Data1'");

        var description = new CorrelationOutput(Payload<FourierDescriptor>.Describe(outD, DataType.Complex32));
        algorithm.Init(description, new CorrelationInput(a.Payload.WithoutData()), Within).ThrowIfFailed();
        var error = Assert.Throws<ArgumentException>(() => algorithm.Execute(overlapping, new CorrelationInput(a.Payload)));
        Assert.Contains("overlaps", error.Message, StringComparison.Ordinal);
        a.AssertGuardsIntact();
    }

    private static void AssertProblem(InitResult result, params string[] parts)
    {
        Assert.False(result.Success, "expected the request to be declined");
        var all = result.RequestProblems.Concat(result.Decisions.SelectMany(d => d.Reasons)).ToList();
        Assert.True(
            all.Any(p => parts.All(part => p.Contains(part, StringComparison.Ordinal))),
            $"no reason mentions [{string.Join(", ", parts)}]:{Environment.NewLine}{result.Explain()}");
    }

    private InitResult TryInit(FourierDescriptor outD, FourierDescriptor d1, FourierDescriptor? d2, CorrelationSettings settings, DataType? type1 = null, DataType? type2 = null)
    {
        using var algorithm = Create();
        return algorithm.Init(
            new CorrelationOutput(Payload<FourierDescriptor>.Describe(outD, DataType.Complex32, "out")),
            new CorrelationInput(
                Payload<FourierDescriptor>.Describe(d1, type1 ?? DataType.Complex32, "a"),
                d2 is null ? null : Payload<FourierDescriptor>.Describe(d2, type2 ?? DataType.Complex32, "b")),
            settings);
    }
}
