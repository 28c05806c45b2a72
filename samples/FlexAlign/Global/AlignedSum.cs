using Oompa.Algorithms.Fft;
using Oompa.Core.Data;
using Oompa.Core.Memory;
using Oompa.Samples.FlexAlign.Movie;

namespace Oompa.Samples.FlexAlign.Global;

/// <summary>
/// Stage C: the aligned sum. Each frame's full-size spectrum is multiplied by the phase ramp of its corrective shift c,
/// <c>F'(k) = F(k)·exp(−2πi(kx·cx/X + ky·cy/Y))</c> (a sub-pixel shift without interpolation), the ramps are
/// accumulated, and one normalised inverse FFT gives the sum. The frames are read and transformed again, batch by batch
/// (stage A transformed tapered frames), so only one batch of full-size data is held: memory stays bounded for any
/// number of frames, at the price of N more full-size forward FFTs.
/// </summary>
internal static class AlignedSum
{
    public static float[] Compute(
        AlgorithmProvider algorithms,
        SpectrumStage stage,
        IFrameSource source,
        IReadOnlyList<FrameShift> corrective,
        int batch,
        IProgress<FlexAlignProgress>? progress,
        CancellationToken cancellationToken)
    {
        int frames = stage.Frames;
        long elements = stage.FullElements;
        using var sumBlock = HostAllocator.Shared.Allocate(elements * DataType.Complex32.Size, new AllocationOptions(Zeroed: true));
        var sumDescriptor = stage.SpectrumDescriptor(1);
        var sum = Buffers.View(sumBlock, sumDescriptor, DataType.Complex32, 0, "sum");
        Recompute(algorithms, stage, source, corrective, Math.Min(batch, frames), sum, progress, cancellationToken);

        var spatial = FourierDescriptor.ForSpatial(new Size(source.Width, source.Height));
        var inverseSettings = new FourierTransformSettings(FourierDirection.Inverse, Normalize: true, AllowInputOverwrite: true);
        var image = new float[(long)source.Width * source.Height];
        using var imageBlock = Buffers.Allocate(image.LongLength, DataType.Float32);
        var output = Buffers.View(imageBlock, FourierTransform.OutputDescriptor(sumDescriptor, inverseSettings), DataType.Float32, 0, "aligned sum");
        using (var inverse = algorithms.FourierTransform())
        {
            inverse.Init(new FourierTransformOutput(output), new FourierTransformInput(sum), inverseSettings).ThrowIfFailed();
            inverse.Execute(new FourierTransformOutput(output), new FourierTransformInput(sum));
        }

        output.AsSpan<float>().CopyTo(image);
        return image;
    }

    private static void Recompute(
        AlgorithmProvider algorithms,
        SpectrumStage stage,
        IFrameSource source,
        IReadOnlyList<FrameShift> corrective,
        int batch,
        Payload<FourierDescriptor> sum,
        IProgress<FlexAlignProgress>? progress,
        CancellationToken cancellationToken)
    {
        int frames = stage.Frames;
        long pixels = (long)source.Width * source.Height;
        using var frameBlock = Buffers.Allocate(batch * pixels, DataType.Float32);
        using var spectrumBlock = Buffers.Allocate(batch * stage.FullElements, DataType.Complex32);
        var ffts = new Dictionary<int, FourierTransform>();
        try
        {
            for (int first = 0; first < frames; first += batch)
            {
                cancellationToken.ThrowIfCancellationRequested();
                int n = Math.Min(batch, frames - first);
                var framesPayload = Buffers.View(frameBlock, stage.SpatialDescriptor(n), DataType.Float32, 0, "frames");
                var spectra = Buffers.View(spectrumBlock, stage.SpectrumDescriptor(n), DataType.Complex32, 0, "spectra");
                if (!ffts.TryGetValue(n, out var fft))
                {
                    fft = algorithms.FourierTransform();
                    ffts[n] = fft;
                    fft.Init(new FourierTransformOutput(spectra.WithoutData()), new FourierTransformInput(framesPayload.WithoutData()), FourierTransformSettings.Forward).ThrowIfFailed();
                }

                source.ReadFrames(first, n, framesPayload.AsSpan<float>());
                fft.Execute(new FourierTransformOutput(spectra), new FourierTransformInput(framesPayload));
                for (int k = 0; k < n; k++)
                {
                    var one = Buffers.View(spectrumBlock, stage.SpectrumDescriptor(1), DataType.Complex32, k * stage.FullElements, "spectrum");
                    PhaseRamp.Accumulate(one, sum, corrective[first + k], source.Width, source.Height, algorithms.Device.ParallelOptions);
                }

                progress?.Report(new FlexAlignProgress("sum", first + n, frames));
            }
        }
        finally
        {
            foreach (var fft in ffts.Values)
            {
                fft.Dispose();
            }
        }
    }
}
