using System.Diagnostics;
using Oompa.Algorithms.Reconstruction;
using Oompa.Algorithms.Reconstruction.Finalization;
using Oompa.Algorithms.Reconstruction.Geometry;
using Oompa.Algorithms.Reconstruction.Insertion;
using Oompa.Algorithms.Reconstruction.Preprocessing;
using Oompa.Core.Data;
using Oompa.Core.Memory;

namespace Oompa.Samples.FourierReconstruction.Pipeline;

/// <summary>
/// The reconstruction's main loop: projections are added one by one, preprocessed and inserted in batches (every
/// projection under every symmetry operator), and <see cref="Finish"/> turns the accumulated Fourier volume into the
/// map. The loop names no strategy; the <see cref="AlgorithmProvider"/> decides where each step runs.
/// </summary>
public sealed class FourierReconstructor : IDisposable
{
    private readonly AlgorithmProvider provider;
    private readonly ProjectionPreprocessor preprocessor;
    private readonly VolumeAccumulator accumulator;
    private readonly float[] images;
    private readonly double[] origins;
    private readonly Matrix3[] orientations;
    private int pending;
    private bool finished;

    /// <summary>Allocates the Fourier volume and the batch buffers and initialises the algorithms.</summary>
    /// <param name="imageSize">X of the X×X projections.</param>
    /// <param name="settings">The reconstruction settings.</param>
    /// <param name="provider">Where the algorithms come from.</param>
    /// <param name="operators">Rotations to insert every projection under; null for the settings' symmetry group.</param>
    /// <exception cref="ArgumentOutOfRangeException">A size or setting is out of range.</exception>
    public FourierReconstructor(int imageSize, ReconstructionSettings settings, AlgorithmProvider provider, IReadOnlyList<Matrix3>? operators = null)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentOutOfRangeException.ThrowIfLessThan(settings.BatchSize, 1);
        this.provider = provider ?? throw new ArgumentNullException(nameof(provider));
        Settings = settings;
        Operators = operators ?? settings.Group.Operators;
        if (Operators.Count == 0)
        {
            throw new ArgumentOutOfRangeException(nameof(operators), "At least one operator (the identity) is needed.");
        }

        Geometry = ReconstructionGeometry.For(imageSize, settings.Padding, settings.MaxResolution);
        var allocator = HostAllocator.Shared;
        int batch = settings.BatchSize;
        preprocessor = new ProjectionPreprocessor(Geometry, batch, provider.FourierTransform(), provider.FourierProcessing(), allocator);
        accumulator = provider.Accumulator(preprocessor.Spectra.Descriptor, batch * Operators.Count, settings.InsertionSettings);
        images = new float[batch * imageSize * imageSize];
        origins = new double[2 * batch];
        orientations = new Matrix3[batch];
    }

    /// <summary>The sizes.</summary>
    public ReconstructionGeometry Geometry { get; }

    /// <summary>The settings.</summary>
    public ReconstructionSettings Settings { get; }

    /// <summary>The operators every projection is inserted under (the identity first for a symmetry group).</summary>
    public IReadOnlyList<Matrix3> Operators { get; }

    /// <summary>Projections inserted so far (not counting a batch still pending).</summary>
    public long ProjectionsInserted { get; private set; }

    /// <summary>Traverse spaces (projection × operator) inserted so far.</summary>
    public long SpacesInserted => ProjectionsInserted * Operators.Count;

    /// <summary>Time spent per stage.</summary>
    public ReconstructionTimings Timings { get; } = new();

    /// <summary>The backend the algorithms run on.</summary>
    public string Backend => provider.Backend;

    /// <summary>
    /// Adds one X×X projection (x fastest) with its orientation and origin in pixels (RELION's <c>_rlnOriginX/Y</c>:
    /// the image is translated by the origin before insertion).
    /// </summary>
    /// <exception cref="ArgumentException">The image has the wrong size or holds a NaN or infinite pixel (named).</exception>
    /// <exception cref="InvalidOperationException"><see cref="Finish"/> was called already.</exception>
    public void Add(ReadOnlySpan<float> image, EulerAngles angles, double originX = 0, double originY = 0)
    {
        ThrowIfFinished();
        int x = Geometry.ImageSize;
        if (image.Length != x * x)
        {
            throw new ArgumentException($"The projection has {image.Length} pixels, but the reconstruction expects {x}×{x}.", nameof(image));
        }

        int bad = FirstNonFinite(image);
        if (bad >= 0)
        {
            throw new ArgumentException($"The projection holds {image[bad]} at pixel ({bad % x}, {bad / x}).", nameof(image));
        }

        if (!double.IsFinite(originX) || !double.IsFinite(originY) || !double.IsFinite(angles.Rot) || !double.IsFinite(angles.Tilt) || !double.IsFinite(angles.Psi))
        {
            throw new ArgumentException($"The projection's angles {angles} or origin ({originX}, {originY}) are not finite.", nameof(angles));
        }

        image.CopyTo(images.AsSpan(pending * x * x, x * x));
        origins[2 * pending] = originX;
        origins[(2 * pending) + 1] = originY;
        orientations[pending] = angles.ToMatrix();
        if (++pending == Settings.BatchSize)
        {
            Flush();
        }
    }

    /// <summary>Inserts the pending batch now.</summary>
    public void Flush()
    {
        if (pending == 0)
        {
            return;
        }

        var clock = Stopwatch.StartNew();
        preprocessor.Process(images, pending, origins);
        Timings.Preprocessing += clock.Elapsed;

        clock.Restart();
        int count = pending * Operators.Count;
        var target = accumulator.Spaces(count);
        Timings.Insertion += clock.Elapsed;   // under auto: waiting for the batch buffer to come free

        clock.Restart();
        TraverseSpaces.Fill(target, orientations[..pending], Operators, Geometry.HalfSize, Settings.InsertionSettings);
        Timings.Spaces += clock.Elapsed;

        clock.Restart();
        accumulator.Insert(preprocessor.Spectra, count);
        Timings.Insertion += clock.Elapsed;
        ProjectionsInserted += pending;
        pending = 0;
    }

    /// <summary>Inserts what is pending and computes the X³ map (x fastest) into <paramref name="map"/>. Call once.</summary>
    /// <exception cref="ArgumentException">The span does not hold X³ values.</exception>
    /// <exception cref="InvalidOperationException">Called twice, or no projection was added.</exception>
    public void Finish(Span<float> map)
    {
        ThrowIfFinished();
        Flush();
        if (ProjectionsInserted == 0)
        {
            throw new InvalidOperationException("No projection was added; there is nothing to reconstruct.");
        }

        finished = true;
        var clock = Stopwatch.StartNew();
        accumulator.Drain();
        Timings.Insertion += clock.Elapsed;   // the last batches (auto: every pending task and the reduction)

        clock.Restart();
        var (volume, weights) = accumulator.Gather();
        Timings.Readback += clock.Elapsed;

        clock.Restart();
        using var fft = provider.FourierTransform();
        FourierVolumeFinalizer.Finish(Geometry, Settings.InsertionSettings, volume.AsSpan<ComplexF>(), weights.AsSpan<float>(), map, fft, Settings.WeightThreshold, parallel: provider.Device.ParallelOptions);
        Timings.Finalization += clock.Elapsed;
    }

    /// <inheritdoc />
    public void Dispose()
    {
        finished = true;
        preprocessor.Dispose();
        accumulator.Dispose();
    }

    private void ThrowIfFinished()
    {
        if (finished)
        {
            throw new InvalidOperationException("The reconstruction has finished (or was disposed); create a new one.");
        }
    }

    private static int FirstNonFinite(ReadOnlySpan<float> image)
    {
        for (int i = 0; i < image.Length; i++)
        {
            if (!float.IsFinite(image[i]))
            {
                return i;
            }
        }

        return -1;
    }
}
