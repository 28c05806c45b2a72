using Oompa.Algorithms.Fft;
using Oompa.Algorithms.Reconstruction.Blob;
using Oompa.Algorithms.Reconstruction.Insertion;
using Oompa.Core.Data;
using Oompa.Core.Memory;

namespace Oompa.Algorithms.Reconstruction.Finalization;

/// <summary>
/// Turns the accumulated Fourier volume G and weights W into the real-space map: (fast mode only) blob-convolve G and
/// W; fold the Hermitian half-spaces, G(K) + conj(G(−K)) and W(K) + W(−K); divide, F = G/W where W exceeds the
/// threshold and 0 elsewhere, scaled by 1/P (the spectra were normalised by 1/P², the inverse transform is not);
/// an inverse 3D real FFT of size P³ (<see cref="FourierTransform"/>); the real-space shift and window to X³ around
/// the centre (X/2, X/2, X/2); and the gridding correction, division by the blob's normalised Fourier transform
/// B̂(ρ/P)/B̂(0) at each voxel's distance ρ from the centre. Host code: it runs once per reconstruction and is
/// O(P³ log P), dominated by the FFT, which runs wherever its strategy puts it.
/// </summary>
public static unsafe class FourierVolumeFinalizer
{
    /// <summary>The default weight threshold (W is about the number of samples near a voxel).</summary>
    public const double DefaultWeightThreshold = 1e-3;

    /// <summary>
    /// Computes the X³ map (x fastest) into <paramref name="volume"/> from G and W (logical (2R+1)³ arrays, x fastest).
    /// G and W are consumed: the fast mode overwrites them with their blob convolutions.
    /// </summary>
    /// <param name="geometry">The sizes.</param>
    /// <param name="settings">The insertion settings (blob, and whether the fast mode needs the convolution).</param>
    /// <param name="g">G, (2R+1)³ complex values.</param>
    /// <param name="w">W, (2R+1)³ weights.</param>
    /// <param name="volume">The map, X³ values.</param>
    /// <param name="inverse">An FFT algorithm (not initialised; this method initialises it for the P³ inverse).</param>
    /// <param name="weightThreshold">Voxels with W at or below this are set to 0.</param>
    /// <param name="allocator">Where the P³ scratch buffers come from.</param>
    /// <param name="parallel">Bounds the host loops' threads (planes run in parallel); null for the runtime's default.</param>
    /// <exception cref="ArgumentException">A span has the wrong length.</exception>
    public static void Finish(
        ReconstructionGeometry geometry,
        FourierInsertionSettings settings,
        Span<ComplexF> g,
        Span<float> w,
        Span<float> volume,
        FourierTransform inverse,
        double weightThreshold = DefaultWeightThreshold,
        IMemoryAllocator? allocator = null,
        ParallelOptions? parallel = null)
    {
        parallel ??= new ParallelOptions();
        ArgumentNullException.ThrowIfNull(geometry);
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(inverse);
        int side = geometry.VolumeSide, x = geometry.ImageSize, p = geometry.PaddedSize, half = geometry.HalfSize;
        long voxels = (long)side * side * side;
        if (g.Length != voxels || w.Length != voxels || volume.Length != (long)x * x * x)
        {
            throw new ArgumentException($"G and W need {voxels} values and the map {(long)x * x * x} (got {g.Length}, {w.Length}, {volume.Length}).", nameof(g));
        }

        var blob = settings.CreateBlob();
        if (settings.Mode == InsertionMode.NearestNeighbour)
        {
            BlobConvolution.Apply(g, w, side, blob, parallel);
        }

        allocator ??= HostAllocator.Shared;
        var spatial = FourierDescriptor.ForSpatial(new Size(p, p, p));
        var frequency = spatial.ToFrequency();
        using var spectrum = OwnedPayload<FourierDescriptor>.Allocate(allocator, frequency, DataType.Complex32, "volume spectrum", new AllocationOptions(Zeroed: true));
        using var map = OwnedPayload<FourierDescriptor>.Allocate(allocator, spatial, DataType.Float32, "padded map");
        fixed (ComplexF* gp = g)
        fixed (float* wp = w)
        {
            Fold(gp, wp, (ComplexF*)spectrum.Payload.Physical.Pointer, half, p, weightThreshold, parallel);
        }

        var fftSettings = new FourierTransformSettings(FourierDirection.Inverse, AllowInputOverwrite: true);
        inverse.Init(new(map.Payload), new(spectrum.Payload), fftSettings).ThrowIfFailed();
        inverse.Execute(new(map.Payload), new(spectrum.Payload));
        inverse.Synchronize();
        fixed (float* vp = volume)
        {
            Window((float*)map.Payload.Physical.Pointer, vp, x, p, blob, parallel);
        }
    }

    private static void Fold(ComplexF* g, float* w, ComplexF* spectrum, int half, int p, double threshold, ParallelOptions parallel)
    {
        int side = (2 * half) + 1, columns = (p / 2) + 1;
        float scale = 1f / p;
        nint gp = (nint)g, wp = (nint)w, sp = (nint)spectrum;
        Parallel.For(-half, half + 1, parallel, kz =>
        {
            var gv = (ComplexF*)gp;
            var wv = (float*)wp;
            for (int ky = -half; ky <= half; ky++)
            {
                var row = (ComplexF*)sp + ((((long)((kz + p) % p) * p) + ((ky + p) % p)) * columns);
                long v0 = half + (side * (long)(ky + half + (side * (kz + half))));
                long m0 = half + (side * (long)(-ky + half + (side * (-kz + half))));
                for (int kx = 0; kx <= half; kx++)
                {
                    long v = v0 + kx, m = m0 - kx;
                    double weight = (double)wv[v] + wv[m];
                    if (!(weight > threshold))
                    {
                        continue;
                    }

                    float factor = (float)(scale / weight);
                    row[kx] = new ComplexF((gv[v].Re + gv[m].Re) * factor, (gv[v].Im - gv[m].Im) * factor);
                }
            }
        });
    }

    private static void Window(float* map, float* volume, int x, int p, KaiserBesselBlob blob, ParallelOptions parallel)
    {
        int c = x / 2;
        double iw0 = blob.Iw0;
        // ρ² is an integer: one correction per value, 0..3·(X − X/2)².
        int far = x - c;
        var correction = new double[(3 * far * far) + 1];
        for (int r2 = 0; r2 < correction.Length; r2++)
        {
            correction[r2] = 1 / (blob.FourierTransform(Math.Sqrt(r2) / p) * iw0);
        }

        nint mp = (nint)map, vp = (nint)volume;
        Parallel.For(0, x, parallel, z =>
        {
            int sz = ((z - c) % p + p) % p;
            for (int y = 0; y < x; y++)
            {
                int sy = ((y - c) % p + p) % p;
                var source = (float*)mp + (p * ((long)sy + ((long)p * sz)));
                var target = (float*)vp + (x * ((long)y + ((long)x * z)));
                int yz = ((y - c) * (y - c)) + ((z - c) * (z - c));
                for (int xx = 0; xx < x; xx++)
                {
                    int sx = ((xx - c) % p + p) % p;
                    target[xx] = (float)(source[sx] * correction[yz + ((xx - c) * (xx - c))]);
                }
            }
        });
    }
}
