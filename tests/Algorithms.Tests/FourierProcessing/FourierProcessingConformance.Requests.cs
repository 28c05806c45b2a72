using Oompa.Algorithms.FourierProcessing;
using Oompa.Algorithms.Tests.Support;
using Oompa.Core.Algorithms;
using Oompa.Core.Data;
using Fp = Oompa.Algorithms.FourierProcessing.FourierProcessing;

namespace Oompa.Algorithms.Tests.FourierProcessing;

/// <summary>Requests that must be declined, each with a reason naming the member and the field.</summary>
public abstract partial class FourierProcessingConformance
{
    [Theory]
    [InlineData(8, 7, 1, "SpatialSize.Y")]
    [InlineData(7, 8, 1, "SpatialSize.X")]
    [InlineData(8, 8, 5, "SpatialSize.Z")]
    [InlineData(9, 1, 1, "SpatialSize.X")]
    public void Centering_an_odd_output_size_is_declined_naming_the_axis(int x, int y, int z, string field)
    {
        var settings = new FourierProcessingSettings { Center = true };
        var inD = Half(new Size(x, y, z, 2));
        var result = TryInit(Fp.OutputDescriptor(inD, settings), inD, settings);
        AssertProblem(result, "output member 'Data'", field, "odd");
    }

    [Fact]
    public void Rejects_wrong_types_domains_sizes_and_states_with_reasons()
    {
        var none = FourierProcessingSettings.None;
        var inD = Half(new Size(10, 8, 1, 3));
        AssertProblem(TryInit(inD, inD, none, type: DataType.Float32), "input member 'Data'", "Physical.Type", "Float32");
        AssertProblem(TryInit(inD, inD.ToSpatial(), none), "input member 'Data'", "Domain", "Spatial");
        var full = inD.WithState(FourierState.FullSpectrum);
        AssertProblem(TryInit(full, full, none), "member 'Data'", "FullSpectrum");
        AssertProblem(TryInit(Half(new Size(12, 8, 1, 3)), inD, none), "output member 'Data'", "SpatialSize.X", "larger");
        AssertProblem(TryInit(Half(new Size(10, 8, 1, 2)), inD, none), "output member 'Data'", "SpatialSize.N");
        var normalize = new FourierProcessingSettings { Normalize = true };
        AssertProblem(TryInit(inD, inD, normalize), "output member 'Data'", "State", "Normalized");
    }

    [Fact]
    public void Rejects_repeated_or_conflicting_state_transitions()
    {
        var size = new Size(8, 8, 1, 2);
        var small = new Size(6, 4, 1, 2);
        Declined(Half(size, FourierState.Normalized), size, new() { Normalize = true }, "Normalize", "Normalized");
        Declined(Half(size, FourierState.Centered), size, new() { Center = true }, "Center", "Centered");
        Declined(Half(size, FourierState.Shifted), size, new() { Shift = true }, "Shift", "Shifted");
        Declined(Half(size, FourierState.Shifted), small, FourierProcessingSettings.None, "Shifted", "cropping");
        Declined(Half(size, FourierState.Shifted), size, new() { MaxFrequency = 0.3 }, "Shifted", "MaxFrequency");
        Declined(Half(size, FourierState.Centered), small, FourierProcessingSettings.None, "Centered", "cropping");

        // Normalising a shifted spectrum does not depend on indices and is allowed.
        var shifted = Half(size, FourierState.Shifted);
        var normalize = new FourierProcessingSettings { Normalize = true };
        Assert.True(TryInit(Fp.OutputDescriptor(shifted, normalize), shifted, normalize).Success);
    }

    [Fact]
    public void Validates_the_filter_member()
    {
        var inD = Half(new Size(10, 8, 1, 3));
        var outD = Half(new Size(6, 4, 1, 3));
        var apply = new FourierProcessingSettings { ApplyFilter = true };
        var good = Payload<LogicalDescriptor>.Describe(new LogicalDescriptor(new Size(4, 4)), DataType.Float32, "filter");
        Assert.True(TryInit(outD, inD, apply, good).Success);
        AssertProblem(TryInit(outD, inD, apply), "'Filter'", "absent", "ApplyFilter");
        AssertProblem(TryInit(outD, inD, FourierProcessingSettings.None, good), "'Filter'", "present", "ApplyFilter");
        AssertProblem(TryInit(outD, inD, apply, good with { Descriptor = new LogicalDescriptor(new Size(6, 4)) }), "'Filter'", "Size.X is 6, expected 4");
        AssertProblem(TryInit(outD, inD, apply, good with { Descriptor = new LogicalDescriptor(new Size(4, 4, 1, 3)) }), "'Filter'", "Size.N");
        AssertProblem(TryInit(outD, inD, apply, Payload<LogicalDescriptor>.Describe(good.Descriptor, DataType.Float64)), "'Filter'", "Physical.Type");
    }

    [Fact]
    public void In_place_is_declined_when_cropping_or_shifting_and_aliasing_is_rechecked_at_execute()
    {
        var inD = Half(new Size(8, 6, 1, 2));
        using var data = Spectra(inD, "data");
        using var algorithm = Create();
        var cropped = data.Payload.WithDescriptor(Half(new Size(6, 6, 1, 2)));
        var result = algorithm.Init(new FourierProcessingOutput(cropped), new FourierProcessingInput(data.Payload), FourierProcessingSettings.None);
        AssertProblem(result, "in place", "cropped");

        var shift = new FourierProcessingSettings { Shift = true };
        var shiftedView = data.Payload.WithDescriptor(Fp.OutputDescriptor(inD, shift));
        result = algorithm.Init(new FourierProcessingOutput(shiftedView), new FourierProcessingInput(data.Payload), shift);
        AssertProblem(result, "in place", "Shift");

        // Init on descriptions only; the aliasing appears with the data at Execute and is refused there.
        var description = new FourierProcessingOutput(Payload<FourierDescriptor>.Describe(shiftedView.Descriptor, DataType.Complex32));
        algorithm.Init(description, new FourierProcessingInput(data.Payload.WithoutData()), shift).ThrowIfFailed();
        var error = Assert.Throws<ArgumentException>(() => algorithm.Execute(new FourierProcessingOutput(shiftedView), new FourierProcessingInput(data.Payload)));
        Assert.Contains("Shift", error.Message, StringComparison.Ordinal);
        data.AssertGuardsIntact();
    }

    [Fact]
    public void Output_descriptor_carries_the_state_the_options_produce()
    {
        var inD = Half(new Size(16, 16, 1, 4), FourierState.None, new Padding(0, 3));
        var all = new FourierProcessingSettings { Normalize = true, Center = true, Shift = true };
        var outD = Fp.OutputDescriptor(inD, new Size(8, 8), all);
        Assert.Equal(FourierState.Normalized | FourierState.Centered | FourierState.Shifted, outD.State);
        Assert.Equal(new Size(8, 8, 1, 4), outD.SpatialSize);
        Assert.Equal(FourierDomain.Frequency, outD.Domain);
        Assert.Equal(new Size(5, 8, 1, 4), outD.FrequencySize);
    }

    private static void AssertProblem(InitResult result, params string[] parts)
    {
        Assert.False(result.Success, "expected the request to be declined");
        var all = result.RequestProblems.Concat(result.Decisions.SelectMany(d => d.Reasons)).ToList();
        Assert.True(
            all.Any(p => parts.All(part => p.Contains(part, StringComparison.Ordinal))),
            $"no reason mentions [{string.Join(", ", parts)}]:{Environment.NewLine}{result.Explain()}");
    }

    private void Declined(FourierDescriptor inD, Size outSize, FourierProcessingSettings settings, params string[] parts)
    {
        var outD = new FourierDescriptor(outSize, FourierDomain.Frequency, Fp.OutputState(inD.State, settings));
        AssertProblem(TryInit(outD, inD, settings), parts);
    }
}
