using Oompa.Algorithms.Fft;
using Oompa.Algorithms.Reconstruction.Insertion;
using Oompa.Core.Data;
using Oompa.Core.Memory;
using Processing = Oompa.Algorithms.FourierProcessing.FourierProcessing;
using ProcessingInput = Oompa.Algorithms.FourierProcessing.FourierProcessingInput;
using ProcessingOutput = Oompa.Algorithms.FourierProcessing.FourierProcessingOutput;
using ProcessingSettings = Oompa.Algorithms.FourierProcessing.FourierProcessingSettings;

namespace Oompa.Algorithms.Reconstruction.Preprocessing;

/// <summary>
/// Turns a batch of X×X projections into the spectra <see cref="FourierInsertion"/> reads: each image is placed in a
/// P×P zero image with its centre (X/2, X/2) moved to index (0, 0) (padding and real-space fftshift in one copy),
/// transformed by a normalised real-to-complex FFT (1/P²), cropped to frequencies |k| ≤ R with rows shifted so that
/// the zero frequency sits on row R and everything above the maximal resolution zeroed (<c>FourierProcessing</c>),
/// and finally multiplied by the phase ramp e^(−2πi·k·o/P) that translates the image by its origin o — RELION's
/// <c>_rlnOriginX/Y</c>, exact for any sub-pixel shift. The batch capacity is fixed; a shorter batch leaves the
/// remaining spectra at zero, which no traverse space should name.
/// </summary>
public sealed class ProjectionPreprocessor : IDisposable
{
    private readonly FourierTransform fft;
    private readonly Processing processing;
    private readonly OwnedPayload<FourierDescriptor> padded;
    private readonly OwnedPayload<FourierDescriptor> transformed;
    private readonly OwnedPayload<FourierDescriptor> spectra;
    private readonly ComplexF[] columnPhase;
    private readonly ComplexF[] rowPhase;

    /// <summary>Creates the buffers and initialises both algorithms (which the preprocessor then owns).</summary>
    /// <exception cref="Core.Algorithms.AlgorithmInitException">An algorithm has no strategy for the request.</exception>
    public ProjectionPreprocessor(ReconstructionGeometry geometry, int capacity, FourierTransform fft, Processing processing, IMemoryAllocator? allocator = null)
    {
        ArgumentNullException.ThrowIfNull(geometry);
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        Geometry = geometry;
        Capacity = capacity;
        this.fft = fft ?? throw new ArgumentNullException(nameof(fft));
        this.processing = processing ?? throw new ArgumentNullException(nameof(processing));
        allocator ??= HostAllocator.Shared;
        int p = geometry.PaddedSize;
        var fftSettings = new FourierTransformSettings(FourierDirection.Forward, Normalize: true);
        var spatial = FourierDescriptor.ForSpatial(new Size(p, p, 1, capacity));
        padded = OwnedPayload<FourierDescriptor>.Allocate(allocator, spatial, DataType.Float32, "padded projections", new AllocationOptions(Zeroed: true));
        transformed = OwnedPayload<FourierDescriptor>.Allocate(allocator, FourierTransform.OutputDescriptor(spatial, fftSettings), DataType.Complex32, "projection spectra");
        var crop = new ProcessingSettings { Shift = true, MaxFrequency = geometry.MaxResolution };
        int side = geometry.VolumeSide;
        var cropped = Processing.OutputDescriptor(transformed.Payload.Descriptor, new Size(side, side), crop);
        spectra = OwnedPayload<FourierDescriptor>.Allocate(allocator, cropped, DataType.Complex32, "cropped spectra");
        fft.Init(new(transformed.Payload), new(padded.Payload), fftSettings).ThrowIfFailed();
        processing.Init(new ProcessingOutput(spectra.Payload), new ProcessingInput(transformed.Payload), crop).ThrowIfFailed();
        columnPhase = new ComplexF[geometry.HalfSize + 1];
        rowPhase = new ComplexF[side];
    }

    /// <summary>The sizes.</summary>
    public ReconstructionGeometry Geometry { get; }

    /// <summary>Images per batch.</summary>
    public int Capacity { get; }

    /// <summary>The spectra of the last batch (descriptor <see cref="FourierInsertion.SpectraDescriptor"/>(R, Capacity)).</summary>
    public Payload<FourierDescriptor> Spectra => spectra.Payload;

    /// <summary>
    /// Preprocesses <paramref name="count"/> images (X×X each, x fastest, consecutive) with their origins in pixels
    /// (<paramref name="origins"/>: x0, y0, x1, y1, ...).
    /// </summary>
    /// <exception cref="ArgumentException">The spans are too short, or count exceeds the capacity.</exception>
    public void Process(ReadOnlySpan<float> images, int count, ReadOnlySpan<double> origins)
    {
        int x = Geometry.ImageSize;
        if (count < 0 || count > Capacity || images.Length < count * x * x || origins.Length < 2 * count)
        {
            throw new ArgumentException($"{count} images of {x}² pixels with 2 origin values each do not fit the batch (capacity {Capacity}, {images.Length} pixels, {origins.Length} origin values).", nameof(images));
        }

        Pad(images, count);
        fft.Execute(new(transformed.Payload), new(padded.Payload));
        processing.Execute(new ProcessingOutput(spectra.Payload), new ProcessingInput(transformed.Payload));
        for (int n = 0; n < count; n++)
        {
            if (origins[2 * n] != 0 || origins[(2 * n) + 1] != 0)
            {
                Shift(n, origins[2 * n], origins[(2 * n) + 1]);
            }
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        fft.Dispose();
        processing.Dispose();
        padded.Dispose();
        transformed.Dispose();
        spectra.Dispose();
    }

    private void Pad(ReadOnlySpan<float> images, int count)
    {
        int x = Geometry.ImageSize, p = Geometry.PaddedSize, c = x / 2;
        var target = padded.AsSpan<float>();
        target.Clear();
        var layout = padded.Payload.Descriptor.Layout;
        for (int n = 0; n < count; n++)
        {
            for (int row = 0; row < x; row++)
            {
                var source = images.Slice(((n * x) + row) * x, x);
                int ty = ((row - c) % p + p) % p;
                var line = target.Slice((int)layout.Offset(0, ty, 0, n), p);
                // Columns c..x−1 go to 0..x−1−c, columns 0..c−1 wrap to p−c..p−1.
                source[c..].CopyTo(line);
                source[..c].CopyTo(line[(p - c)..]);
            }
        }
    }

    private void Shift(int n, double ox, double oy)
    {
        int half = Geometry.HalfSize, p = Geometry.PaddedSize;
        for (int i = 0; i <= half; i++)
        {
            columnPhase[i] = Phase(i * ox / p);
        }

        for (int j = 0; j < rowPhase.Length; j++)
        {
            rowPhase[j] = Phase((j - half) * oy / p);
        }

        var data = spectra.AsSpan<ComplexF>();
        var layout = spectra.Payload.Descriptor.Layout;
        for (int j = 0; j < rowPhase.Length; j++)
        {
            var line = data.Slice((int)layout.Offset(0, j, 0, n), half + 1);
            var ry = rowPhase[j];
            for (int i = 0; i <= half; i++)
            {
                var phase = columnPhase[i] * ry;
                line[i] *= phase;
            }
        }
    }

    private static ComplexF Phase(double cycles)
    {
        double angle = -2 * Math.PI * cycles;
        return new ComplexF((float)Math.Cos(angle), (float)Math.Sin(angle));
    }
}
