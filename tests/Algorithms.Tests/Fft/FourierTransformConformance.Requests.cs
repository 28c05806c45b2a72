using Oompa.Algorithms.Fft;
using Oompa.Algorithms.Tests.Support;
using Oompa.Core.Algorithms;
using Oompa.Core.Data;
using static Oompa.Algorithms.Tests.Fft.FftTestKit;

namespace Oompa.Algorithms.Tests.Fft;

/// <summary>Edge shapes, NaN isolation and declined requests of the conformance suite.</summary>
public abstract partial class FourierTransformConformance
{
    [Theory]
    [InlineData(1, 1, 1, 1)]
    [InlineData(1, 1, 1, 5)]
    [InlineData(2, 1, 1, 1)]
    [InlineData(7, 1, 5, 3)]
    [InlineData(1, 9, 1, 2)]
    [InlineData(1, 1, 6, 2)]
    [InlineData(13, 11, 1, 17)]
    [InlineData(16, 16, 8, 2)]
    public void Edge_shapes_match_the_naive_dft_and_round_trip(int x, int y, int z, int n)
    {
        var size = new Size(x, y, z, n);
        var data = Gens.Floats(x + (31 * y) + (97 * z) + n, size.Total);
        var forward = Settings(FourierDirection.Forward, normalize: true);
        var inverse = Settings(FourierDirection.Inverse);
        var spatial = FourierDescriptor.ForSpatial(size);
        using var image = new GuardedPayload<FourierDescriptor>(spatial, DataType.Float32, "image");
        using var spectrum = new GuardedPayload<FourierDescriptor>(FourierTransform.OutputDescriptor(spatial, forward), DataType.Complex32, "spectrum");
        using var back = new GuardedPayload<FourierDescriptor>(spatial, DataType.Float32, "back");
        image.SetLogical<float>(data);

        Run(spectrum.Payload, image.Payload, forward);
        Tolerance.AssertClose(Scaled(NaiveDft.RealToHalf(data, size), 1.0 / size.Single), spectrum.GetLogical<ComplexF>(), Rel, what: $"spectrum of {size}");
        Run(back.Payload, spectrum.Payload, inverse);
        Tolerance.AssertClose(data, back.GetLogical<float>(), Rel, what: $"round trip of {size}");
        spectrum.AssertGuardsIntact();
        back.AssertGuardsIntact();
    }

    [Fact]
    public void A_NaN_spoils_only_its_own_signal_of_the_batch()
    {
        var size = new Size(8, 6, 1, 3);
        var data = Gens.Floats(5, size.Total);
        data[size.Single + 13] = float.NaN;
        var settings = Settings(FourierDirection.Forward);
        var spatial = FourierDescriptor.ForSpatial(size);
        using var image = new GuardedPayload<FourierDescriptor>(spatial, DataType.Float32, "image");
        using var spectrum = new GuardedPayload<FourierDescriptor>(FourierTransform.OutputDescriptor(spatial, settings), DataType.Complex32, "spectrum");
        image.SetLogical<float>(data);
        Run(spectrum.Payload, image.Payload, settings);

        var half = spectrum.GetLogical<ComplexF>();
        var expected = NaiveDft.RealToHalf(data, size);
        int perSignal = half.Length / size.N;
        Assert.Contains(half.AsSpan(perSignal, perSignal).ToArray(), v => float.IsNaN(v.Re) || float.IsNaN(v.Im));
        foreach (int n in new[] { 0, 2 })
        {
            var slice = new Range(n * perSignal, (n + 1) * perSignal);
            Tolerance.AssertClose(expected[slice], half[slice], Rel, what: $"signal {n}");
        }
    }

    [Fact]
    public void Declines_wrong_types_domains_states_and_sizes_naming_member_and_field()
    {
        var size = new Size(8, 4);
        var spatial = FourierDescriptor.ForSpatial(size);
        var frequency = spatial.ToFrequency();
        var forward = Settings(FourierDirection.Forward);
        var inverse = Settings(FourierDirection.Inverse);

        AssertDeclined(Describe(frequency, DataType.Complex32), Describe(spatial, DataType.Float64), forward, "input member 'Data'", "Physical.Type is Float64");
        AssertDeclined(Describe(frequency, DataType.Complex32), Describe(frequency, DataType.Complex32), forward, "input member 'Data'", "Domain is Frequency");
        AssertDeclined(Describe(frequency, DataType.Float32), Describe(spatial, DataType.Float32), forward, "output member 'Data'", "Physical.Type is Float32");
        AssertDeclined(Describe(frequency, DataType.Complex32), Describe(spatial, DataType.Complex32), forward, "input member 'Data'", "FullSpectrum");
        AssertDeclined(Describe(frequency, DataType.Complex32), Describe(spatial, DataType.Float32), forward with { Normalize = true }, "output member 'Data'", "State is None, expected Normalized");
        AssertDeclined(Describe(spatial, DataType.Complex32), Describe(spatial, DataType.Float32), forward, "output member 'Data'", "Domain is Spatial, expected Frequency");
        AssertDeclined(Describe(frequency.WithN(3), DataType.Complex32), Describe(spatial, DataType.Float32), forward, "output member 'Data'", "SpatialSize.N is 3, expected 1");
        AssertDeclined(Describe(new FourierDescriptor(new Size(9, 4), FourierDomain.Frequency), DataType.Complex32), Describe(spatial, DataType.Float32), forward, "output member 'Data'", "SpatialSize.X is 9, expected 8");
        AssertDeclined(Describe(spatial, DataType.Float32), Describe(spatial, DataType.Float32), inverse, "input member 'Data'", "Domain is Spatial");
        AssertDeclined(Describe(spatial, DataType.Complex32), Describe(frequency, DataType.Complex32), inverse, "output member 'Data'", "Physical.Type is Complex32, expected Float32");
        var normalized = spatial.ToFrequency(FourierState.Normalized);
        AssertDeclined(Describe(spatial, DataType.Float32), Describe(normalized, DataType.Complex32), inverse with { Normalize = true }, "settings", "Normalize");
        AssertDeclined(Describe(frequency, DataType.Complex32), Describe(spatial, DataType.Float32), forward with { Threads = 0 }, "settings", "Threads is 0");
    }

    [Fact]
    public void Declines_a_shared_buffer_whose_layouts_differ_and_execute_refuses_one()
    {
        var size = new Size(10, 3, 1, 2);
        var spatial = FourierDescriptor.ForSpatial(size);
        var frequency = FourierTransform.OutputDescriptor(spatial, FourierTransformSettings.Forward);
        using var buffer = new GuardedPayload<FourierDescriptor>(frequency, DataType.Complex32, "buffer");
        var asImage = buffer.Payload.WithDescriptor(spatial, DataType.Float32);
        using var fft = Create();

        var result = fft.Init(new FourierTransformOutput(buffer.Payload), new FourierTransformInput(asImage), FourierTransformSettings.Forward);
        Assert.False(result.Success);
        var decision = Assert.Single(result.Decisions);
        Assert.Contains(decision.Reasons, r => r.Contains("in-place", StringComparison.Ordinal) && r.Contains("'Data'", StringComparison.Ordinal));

        fft.Init(
            new FourierTransformOutput(buffer.Payload.WithoutData()),
            new FourierTransformInput(asImage.WithoutData()),
            FourierTransformSettings.Forward).ThrowIfFailed();
        var error = Assert.Throws<ArgumentException>(() => fft.Execute(new FourierTransformOutput(buffer.Payload), new FourierTransformInput(asImage)));
        Assert.Contains("in-place", error.Message, StringComparison.Ordinal);
        buffer.AssertGuardsIntact();
    }

    [Fact]
    public void Declines_partly_overlapping_buffers()
    {
        var size = new Size(16, 4, 1, 1);
        var spatial = FourierDescriptor.ForSpatial(size);
        var frequency = FourierTransform.OutputDescriptor(spatial, FourierTransformSettings.Forward);
        using var buffer = new GuardedPayload<FourierDescriptor>(frequency.WithN(2), DataType.Complex32, "buffer");
        var spectrum = new Payload<FourierDescriptor>(frequency, buffer.Payload.Physical with { Bytes = frequency.ElementCount * 8 }, "spectrum");
        var image = new Payload<FourierDescriptor>(spatial, buffer.Payload.Physical with { Pointer = buffer.Payload.Physical.Pointer + 64, Bytes = spatial.ElementCount * 4, Type = DataType.Float32 }, "image");
        using var fft = Create();
        var result = fft.Init(new FourierTransformOutput(spectrum), new FourierTransformInput(image), FourierTransformSettings.Forward);
        Assert.False(result.Success);
        Assert.True(result.Decisions.Count == 1, result.Explain());
        Assert.Contains(result.Decisions[0].Reasons, r => r.Contains("overlap", StringComparison.Ordinal));
    }

    private static Payload<FourierDescriptor> Describe(FourierDescriptor descriptor, DataType type) =>
        Payload<FourierDescriptor>.Describe(descriptor, type, "data");

    private void AssertDeclined(Payload<FourierDescriptor> output, Payload<FourierDescriptor> input, FourierTransformSettings settings, string member, string field)
    {
        using var fft = Create();
        var result = fft.Init(new FourierTransformOutput(output), new FourierTransformInput(input), settings);
        Assert.False(result.Success);
        Assert.True(
            result.RequestProblems.Any(p => p.Contains(member, StringComparison.Ordinal) && p.Contains(field, StringComparison.Ordinal)),
            $"expected a problem naming {member} and {field}; got:{Environment.NewLine}{result.Explain()}");
    }
}
