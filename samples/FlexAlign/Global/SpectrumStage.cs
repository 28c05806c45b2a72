using Oompa.Algorithms.Fft;
using Oompa.Algorithms.FourierProcessing;
using Oompa.Core.Data;
using Oompa.Core.Memory;
using Oompa.Samples.FlexAlign.Movie;
using Processing = Oompa.Algorithms.FourierProcessing.FourierProcessing;

namespace Oompa.Samples.FlexAlign.Global;

/// <summary>
/// Stage A (algorithms.md §1.8): frames are read <see cref="GlobalAlignmentSettings.FftBatch"/> at a time, transformed
/// (R2C), then normalised, low-pass filtered (Gaussian, zero mean) and cropped in one <see cref="Processing"/> pass
/// into the store of cropped spectra, which is all the correlation needs; one batch of full-size data exists at a time.
/// Frames are mean-subtracted and edge-tapered first (<see cref="EdgeTaper"/>).
/// </summary>
internal sealed class SpectrumStage : IDisposable
{
    private static readonly FourierProcessingSettings ProcessingSettings = new() { Normalize = true, ApplyFilter = true };
    private readonly AlgorithmProvider algorithms;
    private readonly CorrelationGeometry geometry;
    private readonly int batch;
    private readonly Dictionary<int, (FourierTransform Fft, Processing Crop)> chains = [];
    private readonly MemoryBlock filterBlock;
    private readonly Payload<LogicalDescriptor> filter;
    private readonly EdgeTaper taper;

    public SpectrumStage(AlgorithmProvider algorithms, CorrelationGeometry geometry, int frames, int batch)
    {
        this.algorithms = algorithms;
        this.geometry = geometry;
        this.batch = Math.Min(batch, frames);
        Frames = frames;
        var filterDescriptor = new LogicalDescriptor(new Size((geometry.CroppedWidth / 2) + 1, geometry.CroppedHeight));
        filterBlock = Buffers.Allocate(filterDescriptor.ElementCount, DataType.Float32);
        filter = Buffers.View(filterBlock, filterDescriptor, DataType.Float32, 0, "filter");
        var values = filter.AsSpan<float>();
        for (int y = 0; y < geometry.CroppedHeight; y++)
        {
            for (int x = 0; x < filterDescriptor.Size.X; x++)
            {
                values[(y * filterDescriptor.Size.X) + x] = geometry.FilterValue(x, y);
            }
        }

        taper = new EdgeTaper(geometry.Width, geometry.Height);
        Cropped = Buffers.Allocate(Frames * CroppedElements, DataType.Complex32);
    }

    /// <summary>Number of frames.</summary>
    public int Frames { get; }

    /// <summary>The cropped spectra of all frames, frame after frame.</summary>
    public MemoryBlock Cropped { get; }

    /// <summary>Complex elements of one cropped spectrum.</summary>
    public long CroppedElements => (long)((geometry.CroppedWidth / 2) + 1) * geometry.CroppedHeight;

    /// <summary>Complex elements of one full-size spectrum.</summary>
    public long FullElements => (long)((geometry.Width / 2) + 1) * geometry.Height;

    /// <summary>The descriptor of <paramref name="n"/> cropped spectra.</summary>
    public FourierDescriptor CroppedDescriptor(int n) =>
        Processing.OutputDescriptor(SpectrumDescriptor(n), new Size(geometry.CroppedWidth, geometry.CroppedHeight), ProcessingSettings);

    /// <summary>The descriptor of <paramref name="n"/> full-size spectra.</summary>
    public FourierDescriptor SpectrumDescriptor(int n) =>
        FourierTransform.OutputDescriptor(SpatialDescriptor(n), FourierTransformSettings.Forward);

    /// <summary>The descriptor of <paramref name="n"/> frames.</summary>
    public FourierDescriptor SpatialDescriptor(int n) => FourierDescriptor.ForSpatial(new Size(geometry.Width, geometry.Height, 1, n));

    /// <summary>Reads, transforms, filters and crops every frame.</summary>
    public void Run(IFrameSource source, IProgress<FlexAlignProgress>? progress, CancellationToken cancellationToken)
    {
        long framePixels = (long)geometry.Width * geometry.Height;
        using var frameBlock = Buffers.Allocate(batch * framePixels, DataType.Float32);
        using var spectrumBlock = Buffers.Allocate(batch * FullElements, DataType.Complex32);
        for (int first = 0; first < Frames; first += batch)
        {
            cancellationToken.ThrowIfCancellationRequested();
            int n = Math.Min(batch, Frames - first);
            var (fft, crop) = Chain(n);
            var frames = Buffers.View(frameBlock, SpatialDescriptor(n), DataType.Float32, 0, "frames");
            source.ReadFrames(first, n, frames.AsSpan<float>());
            Taper(frames, n);
            var spectra = Buffers.View(spectrumBlock, SpectrumDescriptor(n), DataType.Complex32, 0, "spectra");
            var cropped = Buffers.View(Cropped, CroppedDescriptor(n), DataType.Complex32, first * CroppedElements, "cropped");
            fft.Execute(new FourierTransformOutput(spectra), new FourierTransformInput(frames));
            crop.Execute(new FourierProcessingOutput(cropped), new FourierProcessingInput(spectra, filter));
            progress?.Report(new FlexAlignProgress("spectra", first + n, Frames));
        }
    }

    private void Taper(Payload<FourierDescriptor> frames, int n)
    {
        long pixels = (long)geometry.Width * geometry.Height;
        Parallel.For(0, n, algorithms.Device.ParallelOptions, k => taper.Apply(frames.AsSpan<float>().Slice((int)(k * pixels), (int)pixels)));
    }

    /// <summary>Moves every cropped spectrum by −<paramref name="positions"/>[t] (original pixels), in place.</summary>
    public void MoveCropped(IReadOnlyList<FrameShift> positions, ParallelOptions parallel)
    {
        for (int t = 0; t < Frames; t++)
        {
            var one = Buffers.View(Cropped, CroppedDescriptor(1), DataType.Complex32, t * CroppedElements, "cropped");
            var shift = new FrameShift(-positions[t].X / geometry.ScaleX, -positions[t].Y / geometry.ScaleY);
            PhaseRamp.Apply(one, shift, geometry.CroppedWidth, geometry.CroppedHeight, parallel);
        }
    }

    public void Dispose()
    {
        foreach (var (fft, crop) in chains.Values)
        {
            fft.Dispose();
            crop.Dispose();
        }

        chains.Clear();
        filterBlock.Dispose();
        Cropped.Dispose();
    }

    private (FourierTransform Fft, Processing Crop) Chain(int n)
    {
        if (chains.TryGetValue(n, out var chain))
        {
            return chain;
        }

        var fft = algorithms.FourierTransform();
        var crop = algorithms.FourierProcessing();
        chains[n] = (fft, crop);
        var spatial = Payload<FourierDescriptor>.Describe(SpatialDescriptor(n), DataType.Float32, "frames");
        var spectra = Payload<FourierDescriptor>.Describe(SpectrumDescriptor(n), DataType.Complex32, "spectra");
        var cropped = Payload<FourierDescriptor>.Describe(CroppedDescriptor(n), DataType.Complex32, "cropped");
        fft.Init(new FourierTransformOutput(spectra), new FourierTransformInput(spatial), FourierTransformSettings.Forward).ThrowIfFailed();
        crop.Init(new FourierProcessingOutput(cropped), new FourierProcessingInput(spectra, filter.WithoutData()), ProcessingSettings).ThrowIfFailed();
        return (fft, crop);
    }
}
