using Oompa.Algorithms.Fft;
using Oompa.Algorithms.FourierProcessing;
using Oompa.Core.Algorithms;
using Oompa.Core.Data;
using Oompa.Core.Memory;
using Oompa.Samples.FlexAlign.Movie;
using Fft = Oompa.Core.Algorithms.IAlgorithm<Oompa.Algorithms.Fft.FourierTransformOutput, Oompa.Algorithms.Fft.FourierTransformInput, Oompa.Algorithms.Fft.FourierTransformSettings>;
using Processing = Oompa.Algorithms.FourierProcessing.FourierProcessing;
using Process = Oompa.Core.Algorithms.IAlgorithm<Oompa.Algorithms.FourierProcessing.FourierProcessingOutput, Oompa.Algorithms.FourierProcessing.FourierProcessingInput, Oompa.Algorithms.FourierProcessing.FourierProcessingSettings>;

namespace Oompa.Samples.FlexAlign.Global;

/// <summary>
/// Stage A (algorithms.md §1.8). Pass 1: frames are read <see cref="GlobalAlignmentSettings.FftBatch"/> at a time,
/// transformed at full size (R2C) and cropped to the correlation size, normalised and multiplied by a smooth band limit
/// (<see cref="CorrelationGeometry.BandLimitValue"/>); the full-size spectra of the first <see cref="KeptFrames"/> frames
/// are kept for the aligned sum, so those frames need no second transform. Pass 2: each cropped spectrum goes back to a
/// small image (the frame band-limited to the correlation band), which is mean-subtracted and multiplied by the frame's
/// edge window sampled at its pixels (<see cref="EdgeTaper"/>), transformed again and filtered (Gaussian low-pass and
/// gentle high-pass, <see cref="CorrelationGeometry.FilterValue"/>) into the store of cropped spectra that the
/// correlation reads. Tapering the small image instead of the frame costs two small transforms per frame instead of a
/// second full-size one (on the noiseless 256² test phantom it is also slightly more accurate: 0.0120 px with one
/// refinement pass against 0.0136 px when the frame itself was tapered).
/// With a scheduled provider every batch is a chain of tasks; batches in flight use separate buffers
/// (<see cref="AlgorithmProvider.Concurrency"/> sets), and each pass ends with a Synchronize.
/// </summary>
internal sealed partial class SpectrumStage : IDisposable
{
    private static readonly FourierProcessingSettings FilterSettings = new() { Normalize = true, ApplyFilter = true };
    private static readonly FourierTransformSettings SmallInverse = FourierTransformSettings.Inverse with { AllowInputOverwrite = true };
    private static readonly FourierTransformSettings SmallForward = FourierTransformSettings.Forward with { AllowInputOverwrite = true };
    private readonly AlgorithmProvider algorithms;
    private readonly CorrelationGeometry geometry;
    private readonly int batch;
    private readonly Dictionary<(int Slot, int N), (Fft Fft, Process Crop)> chains = [];
    private readonly Dictionary<(int Slot, int N), SmallStep> smallChains = [];
    private readonly MemoryBlock filterBlock;
    private readonly Payload<LogicalDescriptor> filter;
    private readonly Payload<LogicalDescriptor> band;
    private readonly EdgeTaper taper;
    private readonly FourierProcessingSettings cropSettings;

    /// <summary>Creates the stage; up to <paramref name="keepBytes"/> of full-size spectra are kept for the sum.</summary>
    public SpectrumStage(AlgorithmProvider algorithms, CorrelationGeometry geometry, int frames, int batch, long keepBytes = 0)
    {
        this.algorithms = algorithms;
        this.geometry = geometry;
        // Calls that run side by side share the batch, so the frames in flight take the memory of one batch.
        this.batch = Math.Min((batch + algorithms.Concurrency - 1) / algorithms.Concurrency, frames);
        Frames = frames;
        var filterDescriptor = new LogicalDescriptor(new Size((geometry.CroppedWidth / 2) + 1, geometry.CroppedHeight));
        filterBlock = Buffers.Allocate(2 * filterDescriptor.ElementCount, DataType.Float32);
        filter = Buffers.View(filterBlock, filterDescriptor, DataType.Float32, 0, "filter");
        band = Buffers.View(filterBlock, filterDescriptor, DataType.Float32, filterDescriptor.ElementCount, "band limit");
        var values = filter.AsSpan<float>();
        var limits = band.AsSpan<float>();
        for (int y = 0; y < geometry.CroppedHeight; y++)
        {
            for (int x = 0; x < filterDescriptor.Size.X; x++)
            {
                values[(y * filterDescriptor.Size.X) + x] = geometry.FilterValue(x, y);
                limits[(y * filterDescriptor.Size.X) + x] = (float)geometry.BandLimitValue(x, y);
            }
        }

        Cropping = geometry.CroppedWidth < geometry.Width || geometry.CroppedHeight < geometry.Height;
        taper = new EdgeTaper(geometry.Width, geometry.Height, geometry.CroppedWidth, geometry.CroppedHeight);
        cropSettings = new FourierProcessingSettings { Normalize = true, ApplyFilter = Cropping };
        long fit = Math.Max(0, keepBytes) / (FullElements * DataType.Complex32.Size);
        KeptFrames = fit >= frames ? frames : (int)(fit / this.batch) * this.batch;
        Spectra = KeptFrames > 0 ? Buffers.Allocate(KeptFrames * FullElements, DataType.Complex32) : null;
        Cropped = Buffers.Allocate(Frames * CroppedElements, DataType.Complex32);

        // One scratch block serves, one after the other, pass 1's frame ring, pass 2's ring of small images, the
        // correlation's maps and the sum: memory the first movie of a process must fault in once instead of per use.
        long pixels = (long)geometry.Width * geometry.Height;
        long smallPixels = (long)geometry.CroppedWidth * geometry.CroppedHeight;
        int batches = (frames + this.batch - 1) / this.batch;
        long spectraSlot = KeptFrames < Frames ? this.batch * FullElements * DataType.Complex32.Size : 0;
        // With several workers one slot more than workers, so the host reads the next batch while every worker is busy.
        FrameSlots = Buffers.Slots(algorithms.Concurrency > 1 ? algorithms.Concurrency + 1 : 1, batches, (this.batch * pixels * DataType.Float32.Size) + spectraSlot);
        SmallSlots = Buffers.Slots(algorithms.Concurrency + 1, batches, this.batch * smallPixels * DataType.Float32.Size);
        long scratchFloats = Math.Max(
            Math.Max(FrameSlots * this.batch * pixels, SmallSlots * this.batch * smallPixels),
            (2 * FullElements) + pixels);
        Scratch = Buffers.Allocate(scratchFloats, DataType.Float32);
    }

    /// <summary>Number of frames.</summary>
    public int Frames { get; }

    /// <summary>Whether the correlation size is smaller than the frames (then pass 1 applies the smooth band limit).</summary>
    public bool Cropping { get; }

    /// <summary>Frames 0 .. KeptFrames − 1 have their full-size spectrum (of the frame as read) in <see cref="Spectra"/>.</summary>
    public int KeptFrames { get; }

    /// <summary>The kept full-size spectra, frame after frame (unnormalised FFT); null when none is kept.</summary>
    public MemoryBlock? Spectra { get; }

    /// <summary>The cropped, tapered and filtered spectra of all frames, frame after frame.</summary>
    public MemoryBlock Cropped { get; }

    /// <summary>
    /// Working memory that is free once stage A has finished: pass 1's frame ring and pass 2's ring of small images
    /// live here, then the correlation's maps (<see cref="PairCorrelator"/>) and the aligned sum's spectrum and image
    /// (<see cref="AlignedSum"/>). At least one full-size spectrum and one frame.
    /// </summary>
    public MemoryBlock Scratch { get; }

    /// <summary>Batches of frames in flight in pass 1 (each with its frame buffer in <see cref="Scratch"/>).</summary>
    private int FrameSlots { get; }

    /// <summary>Batches of small images in flight in pass 2 (in <see cref="Scratch"/>).</summary>
    private int SmallSlots { get; }

    /// <summary>Complex elements of one cropped spectrum.</summary>
    public long CroppedElements => (long)((geometry.CroppedWidth / 2) + 1) * geometry.CroppedHeight;

    /// <summary>Complex elements of one full-size spectrum.</summary>
    public long FullElements => (long)((geometry.Width / 2) + 1) * geometry.Height;

    /// <summary>The descriptor of <paramref name="n"/> cropped spectra as the correlation reads them.</summary>
    public FourierDescriptor CroppedDescriptor(int n) => Processing.OutputDescriptor(SmallSpectrumDescriptor(n), FilterSettings);

    /// <summary>The descriptor of <paramref name="n"/> full-size spectra.</summary>
    public FourierDescriptor SpectrumDescriptor(int n) =>
        FourierTransform.OutputDescriptor(SpatialDescriptor(n), FourierTransformSettings.Forward);

    /// <summary>The descriptor of <paramref name="n"/> frames.</summary>
    public FourierDescriptor SpatialDescriptor(int n) => FourierDescriptor.ForSpatial(new Size(geometry.Width, geometry.Height, 1, n));

    /// <summary>Reads, transforms and crops every frame, then tapers and filters the cropped spectra.</summary>
    public void Run(IFrameSource source, IProgress<FlexAlignProgress>? progress, CancellationToken cancellationToken)
    {
        TransformAndCrop(source, progress, cancellationToken);
        TaperAndFilter(cancellationToken);
        progress?.Report(new FlexAlignProgress("spectra", Frames, Frames));
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

        foreach (var step in smallChains.Values)
        {
            step.Dispose();
        }

        chains.Clear();
        smallChains.Clear();
        filterBlock.Dispose();
        Spectra?.Dispose();
        Cropped.Dispose();
        Scratch.Dispose();
    }

    /// <summary>Cropped, normalised spectra before the taper (pass 1's output).</summary>
    private FourierDescriptor CropDescriptor(int n) =>
        Processing.OutputDescriptor(SpectrumDescriptor(n), new Size(geometry.CroppedWidth, geometry.CroppedHeight), cropSettings);

    /// <summary>The small images: the cropped spectra transformed back.</summary>
    private FourierDescriptor SmallDescriptor(int n) => FourierDescriptor.ForSpatial(new Size(geometry.CroppedWidth, geometry.CroppedHeight, 1, n));

    /// <summary>The small images' spectra before the filter.</summary>
    private FourierDescriptor SmallSpectrumDescriptor(int n) => FourierTransform.OutputDescriptor(SmallDescriptor(n), SmallForward);
}
