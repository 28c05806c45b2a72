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
    /// Pass 1: read (into a slot of the frame ring in <see cref="Scratch"/>), full-size FFT (into the kept store, or a slot's scratch), crop. A slot's frame buffer is refilled
    /// only after the chain that used it last has finished. Each slot has its own copy of the band limit: a scheduled
    /// algorithm's Synchronize waits for every task that uses any of its data, so a shared input would make waiting for
    /// one slot wait for all of them.
    /// </summary>
    private void TransformAndCrop(IFrameSource source, IProgress<FlexAlignProgress>? progress, CancellationToken cancellationToken)
    {
        long pixels = (long)geometry.Width * geometry.Height;
        int batches = (Frames + batch - 1) / batch;
        bool scratch = KeptFrames < Frames;
        int slots = FrameSlots;
        var frameRing = Scratch;
        using var scratchRing = scratch ? Buffers.Allocate(slots * batch * FullElements, DataType.Complex32) : null;
        long bandElements = band.Descriptor.ElementCount;
        using var bands = Buffers.Allocate(slots * bandElements, DataType.Float32);
        for (int s = 0; s < slots; s++)
        {
            band.AsSpan<float>().CopyTo(Buffers.View(bands, band.Descriptor, DataType.Float32, s * bandElements, "band limit").AsSpan<float>());
        }

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
                var limit = cropSettings.ApplyFilter ? Buffers.View(bands, band.Descriptor, DataType.Float32, s * bandElements, "band limit") : null;
                crop.Execute(new FourierProcessingOutput(cropped), new FourierProcessingInput(spectra, limit));
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

    /// <summary>
    /// Pass 2, batch by batch through a ring of small-image buffers (in <see cref="Scratch"/>): small inverse FFT (a task), taper on the host,
    /// small forward FFT and filter in place (tasks). The host tapers batch b − 1 while batch b is transformed back, and a
    /// slot is refilled only after the forward transform that read it has finished.
    /// </summary>
    /// <remarks>The small inverse may overwrite its input (the cropped spectra), which pass 2 rewrites anyway.</remarks>
    private void TaperAndFilter(CancellationToken cancellationToken)
    {
        long smallPixels = (long)geometry.CroppedWidth * geometry.CroppedHeight;
        int batches = (Frames + batch - 1) / batch;
        int slots = SmallSlots;
        var ring = Scratch;
        var image = new LogicalDescriptor(new Size(geometry.CroppedWidth, geometry.CroppedHeight));
        int finished = 0;
        try
        {
            for (int b = 0; b < batches; b++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (b - slots >= finished)
                {
                    Finish(finished++);
                }

                if (b >= slots)
                {
                    // Only the forward transform reads the slot (the filter's data include the shared filter).
                    SmallChain(b - slots).Forward.Synchronize();
                }

                var (first, n, s) = Batch(b);
                var chain = SmallChain(b);
                var spectra = Buffers.View(Cropped, CropDescriptor(n), DataType.Complex32, first * CroppedElements, "cropped");
                var images = Buffers.View(ring, FourierTransform.OutputDescriptor(CropDescriptor(n), SmallInverse), DataType.Float32, s * batch * smallPixels, "small");
                chain.Inverse.Execute(new FourierTransformOutput(images), new FourierTransformInput(spectra));
                if (b - 1 >= finished)
                {
                    Finish(finished++);
                }
            }

            while (finished < batches)
            {
                Finish(finished++);
            }

            foreach (var chain in smallChains.Values)
            {
                chain.Wait();
            }
        }
        catch
        {
            // Never free the ring under a running task.
            foreach (var chain in smallChains.Values)
            {
                chain.Wait(quiet: true);
            }

            throw;
        }

        // Taper batch b (its inverse done), then submit its forward transform and filter.
        void Finish(int b)
        {
            var (first, n, s) = Batch(b);
            var chain = SmallChain(b);
            chain.Inverse.Synchronize();
            long offset = s * batch * smallPixels;
            Parallel.For(0, n, algorithms.Device.ParallelOptions, k => taper.Apply(Buffers.View(ring, image, DataType.Float32, offset + (k * smallPixels), "small").AsSpan<float>()));
            var images = Buffers.View(ring, SmallDescriptor(n), DataType.Float32, offset, "small");
            var spectra = Buffers.View(Cropped, SmallSpectrumDescriptor(n), DataType.Complex32, first * CroppedElements, "cropped");
            var filtered = Buffers.View(Cropped, CroppedDescriptor(n), DataType.Complex32, first * CroppedElements, "cropped");
            chain.Forward.Execute(new FourierTransformOutput(spectra), new FourierTransformInput(images));
            chain.Filter.Execute(new FourierProcessingOutput(filtered), new FourierProcessingInput(spectra, filter));
        }

        (int First, int N, int Slot) Batch(int b) => (b * batch, Math.Min(batch, Frames - (b * batch)), b % slots);

        SmallStep SmallChain(int b)
        {
            var (_, n, s) = Batch(b);
            return Small(s, n);
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

    private SmallStep Small(int slot, int n)
    {
        if (smallChains.TryGetValue((slot, n), out var chain))
        {
            return chain;
        }

        chain = new SmallStep(algorithms.FourierTransform(), algorithms.FourierTransform(), algorithms.FourierProcessing());
        smallChains[(slot, n)] = chain;
        var cropped = Payload<FourierDescriptor>.Describe(CropDescriptor(n), DataType.Complex32, "cropped");
        var back = Payload<FourierDescriptor>.Describe(FourierTransform.OutputDescriptor(CropDescriptor(n), SmallInverse), DataType.Float32, "small");
        var images = Payload<FourierDescriptor>.Describe(SmallDescriptor(n), DataType.Float32, "small");
        var spectra = Payload<FourierDescriptor>.Describe(SmallSpectrumDescriptor(n), DataType.Complex32, "cropped");
        var filtered = Payload<FourierDescriptor>.Describe(CroppedDescriptor(n), DataType.Complex32, "cropped");
        chain.Inverse.Init(new FourierTransformOutput(back), new FourierTransformInput(cropped), SmallInverse).ThrowIfFailed();
        chain.Forward.Init(new FourierTransformOutput(spectra), new FourierTransformInput(images), SmallForward).ThrowIfFailed();
        chain.Filter.Init(new FourierProcessingOutput(filtered), new FourierProcessingInput(spectra, filter.WithoutData()), FilterSettings).ThrowIfFailed();
        return chain;
    }

    /// <summary>Pass 2's algorithms for one slot and batch size.</summary>
    private sealed record SmallStep(Fft Inverse, Fft Forward, Process Filter) : IDisposable
    {
        /// <summary>Waits for the step's tasks; <paramref name="quiet"/> swallows their failures (cleanup only).</summary>
        public void Wait(bool quiet = false)
        {
            try
            {
                Inverse.Synchronize();
                Forward.Synchronize();
                Filter.Synchronize();
            }
            catch (Exception) when (quiet)
            {
                // Only the buffers' lifetime matters here; the Synchronize that is not quiet reports the failure.
            }
        }

        public void Dispose()
        {
            Inverse.Dispose();
            Forward.Dispose();
            Filter.Dispose();
        }
    }
}
