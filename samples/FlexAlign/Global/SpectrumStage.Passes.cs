using Oompa.Algorithms.Fft;
using Oompa.Algorithms.FourierProcessing;
using Oompa.Core.Data;
using Oompa.Core.Memory;
using Oompa.Samples.FlexAlign.Movie;
using Fft = Oompa.Core.Algorithms.IAlgorithm<Oompa.Algorithms.Fft.FourierTransformOutput, Oompa.Algorithms.Fft.FourierTransformInput, Oompa.Algorithms.Fft.FourierTransformSettings>;
using Process = Oompa.Core.Algorithms.IAlgorithm<Oompa.Algorithms.FourierProcessing.FourierProcessingOutput, Oompa.Algorithms.FourierProcessing.FourierProcessingInput, Oompa.Algorithms.FourierProcessing.FourierProcessingSettings>;

namespace Oompa.Samples.FlexAlign.Global;

/// <summary>The two passes of stage A.</summary>
internal sealed partial class SpectrumStage
{
    /// <summary>
    /// Pass 1: read, full-size FFT (into the kept store, or a slot's scratch), crop. A slot's frame buffer is refilled
    /// only after the chain that used it last has finished.
    /// </summary>
    private void TransformAndCrop(IFrameSource source, IProgress<FlexAlignProgress>? progress, CancellationToken cancellationToken)
    {
        long pixels = (long)geometry.Width * geometry.Height;
        int batches = (Frames + batch - 1) / batch;
        bool scratch = KeptFrames < Frames;
        long slotBytes = batch * ((pixels * DataType.Float32.Size) + (scratch ? FullElements * DataType.Complex32.Size : 0));
        int slots = Buffers.Slots(algorithms.Concurrency, batches, slotBytes);
        using var frameRing = Buffers.Allocate(slots * batch * pixels, DataType.Float32);
        using var scratchRing = scratch ? Buffers.Allocate(slots * batch * FullElements, DataType.Complex32) : null;
        var inFlight = new (Fft Fft, Process Crop)?[slots];
        try
        {
            for (int b = 0; b < batches; b++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                int first = b * batch;
                int n = Math.Min(batch, Frames - first);
                int s = b % slots;
                Wait(inFlight[s]);
                var (fft, crop) = Chain(s, n);
                var frames = Buffers.View(frameRing, SpatialDescriptor(n), DataType.Float32, s * batch * pixels, "frames");
                source.ReadFrames(first, n, frames.AsSpan<float>());
                var spectra = first + n <= KeptFrames
                    ? Buffers.View(Spectra!, SpectrumDescriptor(n), DataType.Complex32, first * FullElements, "spectra")
                    : Buffers.View(scratchRing!, SpectrumDescriptor(n), DataType.Complex32, s * batch * FullElements, "spectra");
                var cropped = Buffers.View(Cropped, CropDescriptor(n), DataType.Complex32, first * CroppedElements, "cropped");
                fft.Execute(new FourierTransformOutput(spectra), new FourierTransformInput(frames));
                crop.Execute(new FourierProcessingOutput(cropped), new FourierProcessingInput(spectra, cropSettings.ApplyFilter ? band : null));
                inFlight[s] = (fft, crop);
                progress?.Report(new FlexAlignProgress("spectra", first + n, Frames));
            }

            foreach (var chain in inFlight)
            {
                Wait(chain);
            }
        }
        catch
        {
            // Never free the rings under a running task, even when reading a frame failed.
            foreach (var chain in inFlight)
            {
                Wait(chain, quiet: true);
            }

            throw;
        }
    }

    /// <summary>Pass 2: small inverse FFT, taper on the host, small forward FFT, filter in place.</summary>
    /// <remarks>The small inverse may overwrite its input (the cropped spectra), which pass 2 rewrites anyway.</remarks>
    private void TaperAndFilter(CancellationToken cancellationToken)
    {
        long smallPixels = (long)geometry.CroppedWidth * geometry.CroppedHeight;
        using var small = Buffers.Allocate(Frames * smallPixels, DataType.Float32);
        try
        {
            for (int first = 0; first < Frames; first += batch)
            {
                int n = Math.Min(batch, Frames - first);
                var (inverse, _, _) = SmallChain(n);
                var spectra = Buffers.View(Cropped, CropDescriptor(n), DataType.Complex32, first * CroppedElements, "cropped");
                var images = Buffers.View(small, FourierTransform.OutputDescriptor(CropDescriptor(n), SmallInverse), DataType.Float32, first * smallPixels, "small");
                inverse.Execute(new FourierTransformOutput(images), new FourierTransformInput(spectra));
            }

            SynchronizeSmall();
            cancellationToken.ThrowIfCancellationRequested();
            var image = new LogicalDescriptor(new Size(geometry.CroppedWidth, geometry.CroppedHeight));
            Parallel.For(0, Frames, algorithms.Device.ParallelOptions, t => taper.Apply(Buffers.View(small, image, DataType.Float32, t * smallPixels, "small").AsSpan<float>()));

            for (int first = 0; first < Frames; first += batch)
            {
                int n = Math.Min(batch, Frames - first);
                var (_, forward, filtering) = SmallChain(n);
                var images = Buffers.View(small, SmallDescriptor(n), DataType.Float32, first * smallPixels, "small");
                var spectra = Buffers.View(Cropped, SmallSpectrumDescriptor(n), DataType.Complex32, first * CroppedElements, "cropped");
                var filtered = Buffers.View(Cropped, CroppedDescriptor(n), DataType.Complex32, first * CroppedElements, "cropped");
                forward.Execute(new FourierTransformOutput(spectra), new FourierTransformInput(images));
                filtering.Execute(new FourierProcessingOutput(filtered), new FourierProcessingInput(spectra, filter));
            }

            SynchronizeSmall();
        }
        catch
        {
            // Never free the small images under a running task.
            SynchronizeSmall(quiet: true);
            throw;
        }
    }

    private static void Wait((Fft Fft, Process Crop)? chain, bool quiet = false)
    {
        if (chain is not { } c)
        {
            return;
        }

        try
        {
            c.Fft.Synchronize();
            c.Crop.Synchronize();
        }
        catch (Exception) when (quiet)
        {
            // Reported by the Synchronize that is not quiet; here only the buffers' lifetime matters.
        }
    }

    private void SynchronizeSmall(bool quiet = false)
    {
        foreach (var (inverse, forward, filtering) in smallChains.Values)
        {
            try
            {
                inverse.Synchronize();
                forward.Synchronize();
                filtering.Synchronize();
            }
            catch (Exception) when (quiet)
            {
                // Only the buffers' lifetime matters here; the Synchronize that is not quiet reports the failure.
            }
        }
    }

    private (Fft Fft, Process Crop) Chain(int slot, int n)
    {
        if (chains.TryGetValue((slot, n), out var chain))
        {
            return chain;
        }

        var fft = algorithms.FourierTransform();
        var crop = algorithms.FourierProcessing();
        chains[(slot, n)] = (fft, crop);
        var spatial = Payload<FourierDescriptor>.Describe(SpatialDescriptor(n), DataType.Float32, "frames");
        var spectra = Payload<FourierDescriptor>.Describe(SpectrumDescriptor(n), DataType.Complex32, "spectra");
        var cropped = Payload<FourierDescriptor>.Describe(CropDescriptor(n), DataType.Complex32, "cropped");
        fft.Init(new FourierTransformOutput(spectra), new FourierTransformInput(spatial), FourierTransformSettings.Forward).ThrowIfFailed();
        crop.Init(new FourierProcessingOutput(cropped), new FourierProcessingInput(spectra, cropSettings.ApplyFilter ? band.WithoutData() : null), cropSettings).ThrowIfFailed();
        return (fft, crop);
    }

    private (Fft Inverse, Fft Forward, Process Filter) SmallChain(int n)
    {
        if (smallChains.TryGetValue(n, out var chain))
        {
            return chain;
        }

        var inverse = algorithms.FourierTransform();
        var forward = algorithms.FourierTransform();
        var filtering = algorithms.FourierProcessing();
        smallChains[n] = (inverse, forward, filtering);
        var cropped = Payload<FourierDescriptor>.Describe(CropDescriptor(n), DataType.Complex32, "cropped");
        var back = Payload<FourierDescriptor>.Describe(FourierTransform.OutputDescriptor(CropDescriptor(n), SmallInverse), DataType.Float32, "small");
        var images = Payload<FourierDescriptor>.Describe(SmallDescriptor(n), DataType.Float32, "small");
        var spectra = Payload<FourierDescriptor>.Describe(SmallSpectrumDescriptor(n), DataType.Complex32, "cropped");
        var filtered = Payload<FourierDescriptor>.Describe(CroppedDescriptor(n), DataType.Complex32, "cropped");
        inverse.Init(new FourierTransformOutput(back), new FourierTransformInput(cropped), SmallInverse).ThrowIfFailed();
        forward.Init(new FourierTransformOutput(spectra), new FourierTransformInput(images), SmallForward).ThrowIfFailed();
        filtering.Init(new FourierProcessingOutput(filtered), new FourierProcessingInput(spectra, filter.WithoutData()), FilterSettings).ThrowIfFailed();
        return (inverse, forward, filtering);
    }
}
