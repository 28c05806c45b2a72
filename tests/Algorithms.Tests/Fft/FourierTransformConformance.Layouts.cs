using FsCheck;
using FsCheck.Fluent;
using Oompa.Algorithms.Fft;
using Oompa.Algorithms.Tests.Support;
using Oompa.Core.Data;
using Oompa.Core.Memory;
using static Oompa.Algorithms.Tests.Fft.FftTestKit;

namespace Oompa.Algorithms.Tests.Fft;

/// <summary>In-place, complex-to-complex, alignment and data-less Init cases of the conformance suite.</summary>
public abstract partial class FourierTransformConformance
{
    [Fact]
    public void In_place_equals_out_of_place_for_real_transforms_both_ways() =>
        Check.One(Quick, Prop.ForAll(Arb.From(Cases()), c =>
        {
            var (size, seed) = c;
            var data = Gens.Floats(seed, size.Total);
            var forward = Settings(FourierDirection.Forward);
            var inverse = Settings(FourierDirection.Inverse);
            var spatial = FourierDescriptor.ForInPlace(size);
            var frequency = FourierTransform.OutputDescriptor(spatial, forward);

            using var image = new GuardedPayload<FourierDescriptor>(spatial, DataType.Float32, "image");
            using var spectrum = new GuardedPayload<FourierDescriptor>(frequency, DataType.Complex32, "spectrum");
            image.SetLogical<float>(data);
            Run(spectrum.Payload, image.Payload, forward);
            var outOfPlace = spectrum.GetLogical<ComplexF>();

            using var buffer = new GuardedPayload<FourierDescriptor>(spatial, DataType.Float32, "buffer");
            buffer.SetLogical<float>(data);
            var asSpectrum = buffer.Payload.WithDescriptor(frequency, DataType.Complex32);
            Run(asSpectrum, buffer.Payload, forward);
            Tolerance.AssertClose(outOfPlace, ReadLogical<ComplexF>(asSpectrum), 1e-5, what: $"in-place spectrum of {size}");

            Run(buffer.Payload, asSpectrum, inverse);
            Tolerance.AssertClose(Scaled(data, size.Single), ReadLogical<float>(buffer.Payload), Rel, what: $"in-place round trip of {size}");
            buffer.AssertGuardsIntact();
        }));

    [Fact]
    public void Complex_to_complex_matches_the_naive_dft_both_ways_in_and_out_of_place() =>
        Check.One(Quick, Prop.ForAll(Arb.From(PaddedCases()), c =>
        {
            var (size, seed, spatialPad, frequencyPad) = c;
            var data = Gens.Complexes(seed, size.Total);
            var forward = Settings(FourierDirection.Forward);
            var inverse = Settings(FourierDirection.Inverse);
            var spatial = new FourierDescriptor(size, FourierDomain.Spatial, FourierState.FullSpectrum, spatialPad);
            var frequency = WithPaddings(FourierTransform.OutputDescriptor(spatial, forward), spatialPad, frequencyPad);
            using var signal = new GuardedPayload<FourierDescriptor>(spatial, DataType.Complex32, "signal");
            using var spectrum = new GuardedPayload<FourierDescriptor>(frequency, DataType.Complex32, "spectrum");
            signal.SetLogical<ComplexF>(data);
            byte[] before = Bytes(signal.Payload);

            Run(spectrum.Payload, signal.Payload, forward);
            var expected = ToComplexF(NaiveDft.Transform(ToComplex(data), size, inverse: false));
            Tolerance.AssertClose(expected, spectrum.GetLogical<ComplexF>(), Rel, what: $"full spectrum of {size}");
            Assert.Equal(before, Bytes(signal.Payload));
            spectrum.AssertPaddingUntouched();

            // In place, in the spectrum's own buffer: the spatial view shares the frequency view's layout.
            var inPlaceSignal = spectrum.Payload.WithDescriptor(WithPaddings(spatial, frequencyPad, frequencyPad).WithState(FourierState.FullSpectrum));
            var inPlaceSpectrum = spectrum.Payload.WithDescriptor(WithPaddings(frequency, frequencyPad, frequencyPad));
            Run(inPlaceSignal, inPlaceSpectrum, inverse);
            Tolerance.AssertClose(Scaled(data, size.Single), ReadLogical<ComplexF>(inPlaceSignal), Rel, what: $"in-place inverse of {size}");
            spectrum.AssertPaddingUntouched();
            spectrum.AssertGuardsIntact();
            signal.AssertGuardsIntact();
        }));

    [Fact]
    public void Execute_replans_for_pointers_of_another_alignment_class()
    {
        var size = new Size(30, 14, 1, 3);
        var data = Gens.Floats(7, size.Total);
        var settings = Settings(FourierDirection.Forward);
        var spatial = FourierDescriptor.ForSpatial(size);
        var frequency = FourierTransform.OutputDescriptor(spatial, settings);
        long inBytes = spatial.ElementCount * sizeof(float);
        long outBytes = frequency.ElementCount * 8;
        using var inBlock = HostAllocator.Shared.Allocate(inBytes + 64);
        using var outBlock = HostAllocator.Shared.Allocate(outBytes + 64);
        using var fft = Create();
        fft.Init(
            new FourierTransformOutput(Payload<FourierDescriptor>.Describe(frequency, DataType.Complex32)),
            new FourierTransformInput(Payload<FourierDescriptor>.Describe(spatial, DataType.Float32)),
            settings).ThrowIfFailed();

        foreach (var (inShift, outShift) in new[] { (0, 0), (4, 8), (12, 0), (0, 40), (0, 0) })
        {
            var input = new Payload<FourierDescriptor>(spatial, new PhysicalDescriptor(inBlock.Pointer + inShift, null, inBytes, DataType.Float32, MemoryNode.Host), "image");
            var output = new Payload<FourierDescriptor>(frequency, new PhysicalDescriptor(outBlock.Pointer + outShift, null, outBytes, DataType.Complex32, MemoryNode.Host), "spectrum");
            WriteLogical<float>(input, data);
            fft.Execute(new FourierTransformOutput(output), new FourierTransformInput(input));
            Tolerance.AssertClose(NaiveDft.RealToHalf(data, size), ReadLogical<ComplexF>(output), Rel, what: $"spectrum at shifts {inShift}/{outShift}");
        }
    }

    [Fact]
    public void Init_on_descriptions_then_execute_in_place_and_out_of_place()
    {
        var size = new Size(9, 6, 4, 2);
        var data = Gens.Floats(11, size.Total);
        var forward = Settings(FourierDirection.Forward);
        var inverse = Settings(FourierDirection.Inverse);
        var spatial = FourierDescriptor.ForInPlace(size);
        var frequency = FourierTransform.OutputDescriptor(spatial, forward);
        using var forwardFft = Create();
        using var inverseFft = Create();
        forwardFft.Init(
            new FourierTransformOutput(Payload<FourierDescriptor>.Describe(frequency, DataType.Complex32)),
            new FourierTransformInput(Payload<FourierDescriptor>.Describe(spatial, DataType.Float32)),
            forward).ThrowIfFailed();
        inverseFft.Init(
            new FourierTransformOutput(Payload<FourierDescriptor>.Describe(spatial, DataType.Float32)),
            new FourierTransformInput(Payload<FourierDescriptor>.Describe(frequency, DataType.Complex32)),
            inverse).ThrowIfFailed();

        using var image = new GuardedPayload<FourierDescriptor>(spatial, DataType.Float32, "image");
        using var spectrum = new GuardedPayload<FourierDescriptor>(frequency, DataType.Complex32, "spectrum");
        using var back = new GuardedPayload<FourierDescriptor>(spatial, DataType.Float32, "back");
        image.SetLogical<float>(data);
        forwardFft.Execute(new FourierTransformOutput(spectrum.Payload), new FourierTransformInput(image.Payload));
        var expected = NaiveDft.RealToHalf(data, size);
        Tolerance.AssertClose(expected, spectrum.GetLogical<ComplexF>(), Rel, what: "out-of-place spectrum");
        byte[] spectrumBytes = Bytes(spectrum.Payload);
        inverseFft.Execute(new FourierTransformOutput(back.Payload), new FourierTransformInput(spectrum.Payload));
        Assert.Equal(spectrumBytes, Bytes(spectrum.Payload));
        Tolerance.AssertClose(Scaled(data, size.Single), back.GetLogical<float>(), Rel, what: "out-of-place round trip");

        // The same two instances, now in place on one buffer.
        var asSpectrum = image.Payload.WithDescriptor(frequency, DataType.Complex32);
        forwardFft.Execute(new FourierTransformOutput(asSpectrum), new FourierTransformInput(image.Payload));
        Tolerance.AssertClose(expected, ReadLogical<ComplexF>(asSpectrum), Rel, what: "in-place spectrum");
        inverseFft.Execute(new FourierTransformOutput(image.Payload), new FourierTransformInput(asSpectrum));
        Tolerance.AssertClose(Scaled(data, size.Single), ReadLogical<float>(image.Payload), Rel, what: "in-place round trip");
        image.AssertGuardsIntact();
        spectrum.AssertGuardsIntact();
        back.AssertGuardsIntact();
    }

    [Fact]
    public void Inverse_allowed_to_overwrite_its_input_is_still_correct()
    {
        foreach (var size in new[] { new Size(12, 1, 1, 3), new Size(10, 7, 1, 2), new Size(6, 5, 4, 2) })
        {
            var half = HermitianHalf(3, size);
            var settings = Settings(FourierDirection.Inverse, allowOverwrite: true);
            var inDesc = FourierDescriptor.ForSpatial(size).ToFrequency();
            using var input = new GuardedPayload<FourierDescriptor>(inDesc, DataType.Complex32, "spectrum");
            using var output = new GuardedPayload<FourierDescriptor>(FourierTransform.OutputDescriptor(inDesc, settings), DataType.Float32, "image");
            input.SetLogical<ComplexF>(half);
            Run(output.Payload, input.Payload, settings);
            Tolerance.AssertClose(NaiveDft.HalfToReal(half, size), output.GetLogical<float>(), Rel, what: $"signal of {size}");
            input.AssertGuardsIntact();
            output.AssertGuardsIntact();
        }
    }
}
