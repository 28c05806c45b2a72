using FsCheck;
using FsCheck.Fluent;
using Oompa.Algorithms.Fft;
using Oompa.Algorithms.Tests.Support;
using Oompa.Core.Algorithms;
using Oompa.Core.Data;
using static Oompa.Algorithms.Tests.Fft.FftTestKit;

namespace Oompa.Algorithms.Tests.Fft;

/// <summary>
/// The contract every FourierTransform strategy meets, instantiated once per strategy and backend. Spectra and signals
/// are compared with the double-precision <see cref="NaiveDft"/> within <see cref="FftTestKit.Rel"/> of the largest
/// expected magnitude. Sizes include 1, odd and prime axes; batches 1..17; 1D, 2D and 3D.
/// </summary>
public abstract partial class FourierTransformConformance
{
    /// <summary>
    /// FsCheck cases per property. The CPU strategies run 30; a backend whose plans compile kernels per shape (clFFT:
    /// about a second per new shape on pocl) may run fewer of the same generated cases to keep the suite's time bounded.
    /// </summary>
    protected virtual int CasesPerProperty => 30;

    private Config Quick => Config.QuickThrowOnFailure.WithMaxTest(CasesPerProperty);

    /// <summary>The single strategy under test.</summary>
    protected abstract StrategyFactory<FourierTransformOutput, FourierTransformInput, FourierTransformSettings> Strategy { get; }

    private static Gen<(Size Size, int Seed)> Cases(int max = 16, int maxBatch = 17) =>
        from size in Gens.AnySize(max, maxBatch)
        from seed in Gens.Seed
        select (size, seed);

    private static Gen<(Size Size, int Seed, Padding A, Padding B)> PaddedCases(int max = 12) =>
        from c in Cases(max, 5)
        from a in Gens.PaddingFor(c.Size)
        from b in Gens.PaddingFor(c.Size)
        select (c.Size, c.Seed, a, b);

    private FourierTransform Create() => new([Strategy]);

    /// <summary>Inits (throwing on failure) and executes once.</summary>
    private void Run(Payload<FourierDescriptor> output, Payload<FourierDescriptor> input, FourierTransformSettings settings)
    {
        using var fft = Create();
        var o = new FourierTransformOutput(output);
        var i = new FourierTransformInput(input);
        fft.Init(o, i, settings).ThrowIfFailed();
        Assert.Equal(Strategy.Name, fft.StrategyName);
        fft.Execute(o, i);
        fft.Synchronize();
    }

    [Fact]
    public void Forward_real_to_complex_matches_the_naive_dft_and_preserves_its_input() =>
        Check.One(Quick, Prop.ForAll(Arb.From(Cases()), c =>
        {
            var (size, seed) = c;
            var data = Gens.Floats(seed, size.Total);
            var settings = Settings(FourierDirection.Forward);
            var inDesc = FourierDescriptor.ForSpatial(size);
            using var input = new GuardedPayload<FourierDescriptor>(inDesc, DataType.Float32, "image");
            using var output = new GuardedPayload<FourierDescriptor>(FourierTransform.OutputDescriptor(inDesc, settings), DataType.Complex32, "spectrum");
            input.SetLogical<float>(data);
            byte[] before = Bytes(input.Payload);

            Run(output.Payload, input.Payload, settings);

            Tolerance.AssertClose(NaiveDft.RealToHalf(data, size), output.GetLogical<ComplexF>(), Rel, what: $"spectrum of {size}");
            Assert.Equal(before, Bytes(input.Payload));
            input.AssertGuardsIntact();
            output.AssertGuardsIntact();
        }));

    [Fact]
    public void Inverse_complex_to_real_matches_the_naive_dft_and_never_modifies_its_input() =>
        Check.One(Quick, Prop.ForAll(Arb.From(Cases()), c =>
        {
            var (size, seed) = c;
            var half = HermitianHalf(seed, size);
            var settings = Settings(FourierDirection.Inverse);
            var inDesc = FourierDescriptor.ForSpatial(size).ToFrequency();
            using var input = new GuardedPayload<FourierDescriptor>(inDesc, DataType.Complex32, "spectrum");
            using var output = new GuardedPayload<FourierDescriptor>(FourierTransform.OutputDescriptor(inDesc, settings), DataType.Float32, "image");
            input.SetLogical<ComplexF>(half);
            byte[] before = Bytes(input.Payload);

            Run(output.Payload, input.Payload, settings);

            Tolerance.AssertClose(NaiveDft.HalfToReal(half, size), output.GetLogical<float>(), Rel, what: $"signal of {size}");
            Assert.Equal(before, Bytes(input.Payload));
            input.AssertGuardsIntact();
            output.AssertGuardsIntact();
        }));

    [Fact]
    public void Padded_layouts_are_honoured_and_padding_and_guards_stay_untouched() =>
        Check.One(Quick, Prop.ForAll(Arb.From(PaddedCases()), c =>
        {
            var (size, seed, spatialPad, frequencyPad) = c;
            var data = Gens.Floats(seed, size.Total);
            var forward = Settings(FourierDirection.Forward);
            var inverse = Settings(FourierDirection.Inverse);
            var spatial = FourierDescriptor.ForSpatial(size, spatialPad);
            var frequency = WithPaddings(FourierTransform.OutputDescriptor(spatial, forward), spatialPad, frequencyPad);
            using var image = new GuardedPayload<FourierDescriptor>(spatial, DataType.Float32, "image");
            using var spectrum = new GuardedPayload<FourierDescriptor>(frequency, DataType.Complex32, "spectrum");
            using var back = new GuardedPayload<FourierDescriptor>(spatial, DataType.Float32, "back");
            image.SetLogical<float>(data);
            byte[] imageBytes = Bytes(image.Payload);

            Run(spectrum.Payload, image.Payload, forward);
            var half = spectrum.GetLogical<ComplexF>();
            Tolerance.AssertClose(NaiveDft.RealToHalf(data, size), half, Rel, what: $"spectrum of {size} padded {spatialPad} / {frequencyPad}");
            byte[] spectrumBytes = Bytes(spectrum.Payload);

            Run(back.Payload, spectrum.Payload, inverse);
            Tolerance.AssertClose(Scaled(data, size.Single), back.GetLogical<float>(), Rel, what: $"round trip of {size}");

            Assert.Equal(imageBytes, Bytes(image.Payload));
            Assert.Equal(spectrumBytes, Bytes(spectrum.Payload));
            spectrum.AssertPaddingUntouched();
            back.AssertPaddingUntouched();
            image.AssertGuardsIntact();
            spectrum.AssertGuardsIntact();
            back.AssertGuardsIntact();
        }));

    [Fact]
    public void Forward_then_inverse_is_N_times_the_identity_and_the_identity_when_normalised() =>
        Check.One(Quick, Prop.ForAll(Arb.From(Cases()), Arb.From(Gen.Choose(0, 2)), (c, where) =>
        {
            var (size, seed) = c;
            var data = Gens.Floats(seed, size.Total);
            var forward = Settings(FourierDirection.Forward, normalize: where == 1);
            var inverse = Settings(FourierDirection.Inverse, normalize: where == 2);
            var spatial = FourierDescriptor.ForSpatial(size);
            var frequency = FourierTransform.OutputDescriptor(spatial, forward);
            Assert.Equal(where == 1, frequency.State.HasFlag(FourierState.Normalized));
            Assert.Equal(spatial, FourierTransform.OutputDescriptor(frequency, inverse));
            using var image = new GuardedPayload<FourierDescriptor>(spatial, DataType.Float32, "image");
            using var spectrum = new GuardedPayload<FourierDescriptor>(frequency, DataType.Complex32, "spectrum");
            using var back = new GuardedPayload<FourierDescriptor>(spatial, DataType.Float32, "back");
            image.SetLogical<float>(data);

            Run(spectrum.Payload, image.Payload, forward);
            if (where == 1)
            {
                Tolerance.AssertClose(Scaled(NaiveDft.RealToHalf(data, size), 1.0 / size.Single), spectrum.GetLogical<ComplexF>(), Rel, what: "normalised spectrum");
            }

            Run(back.Payload, spectrum.Payload, inverse);
            Tolerance.AssertClose(Scaled(data, where == 0 ? size.Single : 1), back.GetLogical<float>(), Rel, what: $"round trip of {size}");
        }));

    [Fact]
    public void Parseval_holds_for_the_hermitian_half() =>
        Check.One(Quick, Prop.ForAll(Arb.From(Cases()), c =>
        {
            var (size, seed) = c;
            var data = Gens.Floats(seed, size.Total);
            var settings = Settings(FourierDirection.Forward);
            var spatial = FourierDescriptor.ForSpatial(size);
            using var image = new GuardedPayload<FourierDescriptor>(spatial, DataType.Float32, "image");
            using var spectrum = new GuardedPayload<FourierDescriptor>(FourierTransform.OutputDescriptor(spatial, settings), DataType.Complex32, "spectrum");
            image.SetLogical<float>(data);
            Run(spectrum.Payload, image.Payload, settings);

            var half = spectrum.GetLogical<ComplexF>();
            int hx = (size.X / 2) + 1;
            for (int n = 0; n < size.N; n++)
            {
                double energy = 0;
                for (long i = n * size.Single; i < (n + 1) * size.Single; i++)
                {
                    energy += (double)data[i] * data[i];
                }

                double spectral = 0;
                long rows = size.Single / size.X;
                for (long r = n * rows; r < (n + 1) * rows; r++)
                {
                    for (int x = 0; x < hx; x++)
                    {
                        // Columns other than 0 and X/2 (X even) stand for themselves and their mirror image.
                        int weight = x == 0 || (size.X % 2 == 0 && x == size.X / 2) ? 1 : 2;
                        spectral += weight * (double)half[(r * hx) + x].MagnitudeSquared;
                    }
                }

                Assert.True(
                    Math.Abs((spectral / size.Single) - energy) <= 1e-4 * Math.Max(energy, 1e-6),
                    $"signal {n} of {size}: Σ|x|² = {energy}, Σ|X|²/N = {spectral / size.Single}");
            }
        }));
}
