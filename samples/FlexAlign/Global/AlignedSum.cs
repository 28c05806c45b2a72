using Oompa.Algorithms.Fft;
using Oompa.Core.Algorithms;
using Oompa.Core.Data;
using Oompa.Core.Memory;
using Oompa.Samples.FlexAlign.Movie;

namespace Oompa.Samples.FlexAlign.Global;

/// <summary>
/// Stage C: the aligned sum. Each frame's full-size spectrum is multiplied by the phase ramp of its corrective shift c,
/// <c>F'(k) = F(k)·exp(−2πi(kx·cx/X + ky·cy/Y))</c> (a sub-pixel shift without interpolation), the ramps are
/// accumulated, and one normalised inverse FFT gives the sum. The spectra stage A kept (<see cref="SpectrumStage.KeptFrames"/>)
/// are summed directly, all frames in one pass over the rows (<see cref="PhaseRamp.AccumulateFrames"/>); frames beyond
/// the memory budget are read and transformed again, batch by batch.
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
        // The sum's spectrum and image live in the stage's scratch memory, free since the correlation finished.
        var sumDescriptor = stage.SpectrumDescriptor(1);
        var sum = Buffers.View(stage.Scratch, sumDescriptor, DataType.Complex32, 0, "sum");
        sum.AsSpan<ComplexF>().Clear();
        if (stage.KeptFrames > 0)
        {
            var kept = Buffers.View(stage.Spectra!, stage.SpectrumDescriptor(stage.KeptFrames), DataType.Complex32, 0, "spectra");
            PhaseRamp.AccumulateFrames(kept, sum, corrective, source.Width, source.Height, algorithms.Device.ParallelOptions);
            progress?.Report(new FlexAlignProgress("sum", stage.KeptFrames, frames));
        }

        if (stage.KeptFrames < frames)
        {
            Recompute(algorithms, stage, source, corrective, Math.Min(batch, frames), sum, progress, cancellationToken);
        }

        var inverseSettings = new FourierTransformSettings(FourierDirection.Inverse, Normalize: true, AllowInputOverwrite: true);
        var image = new float[(long)source.Width * source.Height];
        var output = Buffers.View(stage.Scratch, FourierTransform.OutputDescriptor(sumDescriptor, inverseSettings), DataType.Float32, 2 * elements, "aligned sum");
        using (var inverse = algorithms.FourierTransform())
        {
            inverse.Init(new FourierTransformOutput(output), new FourierTransformInput(sum), inverseSettings).ThrowIfFailed();
            inverse.Execute(new FourierTransformOutput(output), new FourierTransformInput(sum));
            inverse.Synchronize();
        }

        output.AsSpan<float>().CopyTo(image);
        return image;
    }

    /// <summary>Reads, transforms and accumulates the frames stage A did not keep.</summary>
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
        var ffts = new Dictionary<int, IAlgorithm<FourierTransformOutput, FourierTransformInput, FourierTransformSettings>>();
        try
        {
            for (int first = stage.KeptFrames; first < frames; first += batch)
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
                fft.Synchronize();
                var shifts = corrective.Skip(first).Take(n).ToArray();
                PhaseRamp.AccumulateFrames(spectra, sum, shifts, source.Width, source.Height, algorithms.Device.ParallelOptions);
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
