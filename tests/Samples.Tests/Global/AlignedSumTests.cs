using Oompa.Algorithms.Fft;
using Oompa.Core.Data;
using Oompa.Core.Devices;
using Oompa.Core.Memory;
using Oompa.Samples.FlexAlign;
using Oompa.Samples.FlexAlign.Global;
using Oompa.Samples.FlexAlign.Movie;
using Oompa.Samples.FlexAlign.Phantom;
using Xunit.Abstractions;

namespace Oompa.Samples.Tests.Global;

/// <summary>
/// The aligned sum: Fourier shifts of exactly shifted copies give the image back, and spectra kept from stage A give the
/// same sum as frames read and transformed again.
/// </summary>
public sealed class AlignedSumTests(ITestOutputHelper output)
{
    [Theory]
    [InlineData(34, 20)] // 18 columns: the vector loop and the scalar remainder
    [InlineData(33, 21)] // odd sizes: no Nyquist row or column
    public void Sum_of_integer_shifted_copies_shifted_back_is_the_image_times_the_count(int width, int height)
    {
        var random = new Random(5);
        var image = new float[width * height];
        for (int i = 0; i < image.Length; i++)
        {
            image[i] = (float)random.NextDouble();
        }

        (int X, int Y)[] shifts = [(0, 0), (3, -2), (-5, 7), (11, 1)];
        int n = shifts.Length;
        var frames = new float[n * image.Length];
        for (int t = 0; t < n; t++)
        {
            for (int y = 0; y < height; y++)
            {
                for (int x = 0; x < width; x++)
                {
                    // frame_t(p) = image(p − s_t): the image moved by s_t, circularly.
                    int sx = Mod(x - shifts[t].X, width);
                    int sy = Mod(y - shifts[t].Y, height);
                    frames[(t * image.Length) + (y * width) + x] = image[(sy * width) + sx];
                }
            }
        }

        var spatial = FourierDescriptor.ForSpatial(new Size(width, height, 1, n));
        var spectrumDescriptor = FourierTransform.OutputDescriptor(spatial, FourierTransformSettings.Forward);
        using var frameBlock = HostAllocator.Shared.Allocate(frames.Length * sizeof(float));
        using var spectrumBlock = HostAllocator.Shared.Allocate(spectrumDescriptor.ElementCount * DataType.Complex32.Size);
        using var sumBlock = HostAllocator.Shared.Allocate(spectrumDescriptor.ElementCount / n * DataType.Complex32.Size, new AllocationOptions(Zeroed: true));
        var framePayload = View(frameBlock, spatial, DataType.Float32);
        var spectra = View(spectrumBlock, spectrumDescriptor, DataType.Complex32);
        var sum = View(sumBlock, FourierTransform.OutputDescriptor(FourierDescriptor.ForSpatial(new Size(width, height)), FourierTransformSettings.Forward), DataType.Complex32);
        frames.CopyTo(framePayload.AsSpan<float>());
        using (var fft = new FourierTransform(FourierTransformStrategies.Cpu(CpuDevice.Default)))
        {
            fft.Init(new FourierTransformOutput(spectra), new FourierTransformInput(framePayload), FourierTransformSettings.Forward).ThrowIfFailed();
            fft.Execute(new FourierTransformOutput(spectra), new FourierTransformInput(framePayload));
        }

        var corrective = shifts.Select(s => new FrameShift(-s.X, -s.Y)).ToArray();
        PhaseRamp.AccumulateFrames(spectra, sum, corrective, width, height, CpuDevice.Default.ParallelOptions);

        var back = new float[image.Length];
        using var backBlock = HostAllocator.Shared.Allocate(back.Length * sizeof(float));
        var inverseSettings = new FourierTransformSettings(FourierDirection.Inverse, Normalize: true, AllowInputOverwrite: true);
        var result = View(backBlock, FourierTransform.OutputDescriptor(sum.Descriptor, inverseSettings), DataType.Float32);
        using (var inverse = new FourierTransform(FourierTransformStrategies.Cpu(CpuDevice.Default)))
        {
            inverse.Init(new FourierTransformOutput(result), new FourierTransformInput(sum), inverseSettings).ThrowIfFailed();
            inverse.Execute(new FourierTransformOutput(result), new FourierTransformInput(sum));
        }

        var values = result.AsSpan<float>();
        double worst = 0;
        for (int i = 0; i < image.Length; i++)
        {
            worst = Math.Max(worst, Math.Abs(values[i] - (n * image[i])));
        }

        output.WriteLine($"{width}x{height}: largest error {worst:E2} (values up to {n})");
        Assert.InRange(worst, 0, 1e-4 * n);
    }

    [Fact]
    public void Kept_spectra_and_frames_transformed_again_give_the_same_sum()
    {
        var movie = PhantomGenerator.Generate(new PhantomSettings
        {
            Width = 128, Height = 96, Frames = 5, DriftScale = 5, Seed = 11, MuBackground = 12.5, MuForeground = 10.5,
        });
        var settings = new GlobalAlignmentSettings { MaxShift = 20, MaxResolution = 8, FftBatch = 2 };
        long frameSpectrum = (long)((128 / 2) + 1) * 96 * DataType.Complex32.Size;
        var all = Align(movie, settings);
        var none = Align(movie, settings with { KeptSpectraBytes = 0 });
        var some = Align(movie, settings with { KeptSpectraBytes = (3 * frameSpectrum) + 1 }); // rounds down to one batch: 2 kept

        Assert.Equal(all.CorrectiveShifts, none.CorrectiveShifts);
        Assert.Equal(all.CorrectiveShifts, some.CorrectiveShifts);
        var reference = all.GetAlignedSum()!;
        double scale = reference.Max(Math.Abs);
        foreach (var other in new[] { none, some })
        {
            double difference = reference.Zip(other.GetAlignedSum()!).Max(p => Math.Abs(p.First - p.Second)) / scale;
            output.WriteLine($"sum difference {difference:E2} of the largest value");
            Assert.InRange(difference, 0, 1e-5);
        }
    }

    private static GlobalAlignmentResult Align(PhantomMovie movie, GlobalAlignmentSettings settings) =>
        new GlobalAligner(new AlgorithmProvider(CpuDevice.Default)).Align(
            new InMemoryFrameSource(movie.Frames, movie.Settings.Width, movie.Settings.Height, movie.Settings.Frames), settings);

    private static Payload<FourierDescriptor> View(MemoryBlock block, FourierDescriptor descriptor, DataType type) =>
        new(descriptor, new PhysicalDescriptor(block.Pointer, null, descriptor.ElementCount * type.Size, type, block.Node, block.Pinned), "data");

    private static int Mod(int value, int modulus) => ((value % modulus) + modulus) % modulus;
}
