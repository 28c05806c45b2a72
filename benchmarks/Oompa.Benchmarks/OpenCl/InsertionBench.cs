using System.Globalization;
using Oompa.Algorithms.Reconstruction.Geometry;
using Oompa.Algorithms.Reconstruction.Insertion;
using Oompa.Core.Data;
using Oompa.Core.Devices.OpenCl;
using Oompa.Core.Memory;

namespace Oompa.Benchmarks.OpenCl;

/// <summary>
/// FourierInsertion on the device: P×P projections padded ×2 (spectra of half size R = P, volume (2P+1)³), random
/// orientations, device-resident payloads. The rate is inserted voxels per second: voxel updates (space, voxel) that
/// receive at least one coefficient, counted on the host from the spaces' geometry, over the device time.
/// </summary>
internal static class InsertionBench
{
    /// <summary>The cases <c>bench tuner</c> tunes: one per kernel definition, 64² projections, 12 spaces.</summary>
    public static IReadOnlyList<Func<OpenClDevice, int, OpenClBenchCase>> TunerCases { get; } =
    [
        (device, _) => Case(device, new FourierInsertionSettings(), 64, 12).Case,
        (device, _) => Case(device, new FourierInsertionSettings(Evaluation: BlobEvaluation.OnTheFly), 64, 12).Case,
        (device, _) => Case(device, new FourierInsertionSettings(Mode: InsertionMode.NearestNeighbour), 64, 12).Case,
    ];

    /// <summary>Report lines for <c>bench opencl</c>: inserted voxels/s at 64² and 128², default configurations.</summary>
    public static IEnumerable<(string Label, string Text, IReadOnlyList<(string Key, object Value)> Fields)> Rates(OpenClDevice device)
    {
        foreach (var (projection, spaces) in new[] { (64, 16), (128, 6) })
        {
            foreach (var (label, settings) in new[]
            {
                ("blob table", new FourierInsertionSettings()),
                ("blob on the fly", new FourierInsertionSettings(Evaluation: BlobEvaluation.OnTheFly)),
                ("nearest", new FourierInsertionSettings(Mode: InsertionMode.NearestNeighbour)),
            })
            {
                var (benchCase, voxels) = Case(device, settings, projection, spaces);
                try
                {
                    double seconds = DeviceTimer.MedianSeconds(device.ComputeQueue, benchCase.Enqueue, warmup: 1, iterations: 5);
                    double rate = voxels / seconds;
                    string key = string.Create(CultureInfo.InvariantCulture, $"insertion_{projection}_{label.Replace(' ', '_')}");
                    yield return (
                        $"Insertion {projection}² {label}",
                        string.Create(CultureInfo.InvariantCulture, $"{seconds * 1e3,8:F2} ms  {rate / 1e6,8:F2} M voxels/s  ({benchCase.Shape}, {voxels} voxel updates)"),
                        [(key + "_ms", seconds * 1e3), (key + "_mvoxels_per_s", rate / 1e6)]);
                }
                finally
                {
                    benchCase.Release();
                }
            }
        }
    }

    /// <summary>One insertion of <paramref name="count"/> spaces of P×P projections (R = P), and its voxel updates.</summary>
    public static (OpenClBenchCase Case, long Voxels) Case(OpenClDevice device, FourierInsertionSettings settings, int projection, int count)
    {
        int half = projection;
        var random = new Random(projection + count);
        var spectraDescriptor = FourierInsertion.SpectraDescriptor(half, 4);
        using var hostSpaces = OwnedPayload<LogicalDescriptor>.Allocate(HostAllocator.Shared, FourierInsertion.SpacesDescriptor(count), TraverseSpace.DataType, "spaces");
        var spaces = hostSpaces.AsSpan<TraverseSpace>();
        for (int k = 0; k < count; k++)
        {
            var angles = new EulerAngles(random.NextDouble() * 360, random.NextDouble() * 180, random.NextDouble() * 360);
            spaces[k] = TraverseSpaces.Create(angles.ToMatrix(), Matrix3.Identity, half, settings, k % 4);
        }

        long voxels = VoxelUpdates(spaces, half, settings);
        using var hostSpectra = OwnedPayload<FourierDescriptor>.Allocate(HostAllocator.Shared, spectraDescriptor, DataType.Complex32, "spectra");
        foreach (ref float v in System.Runtime.InteropServices.MemoryMarshal.Cast<ComplexF, float>(hostSpectra.AsSpan<ComplexF>()))
        {
            v = (float)(random.NextDouble() - 0.5);
        }

        var spectra = device.Allocate(spectraDescriptor, DataType.Complex32, "spectra");
        var spaceBuffer = device.Allocate(FourierInsertion.SpacesDescriptor(count), TraverseSpace.DataType, "spaces");
        var volume = device.Allocate(FourierInsertion.VolumeDescriptor(spectraDescriptor), DataType.Complex32, "volume", zeroed: true);
        var weights = device.Allocate(FourierInsertion.WeightsDescriptor(spectraDescriptor), DataType.Float32, "weights", zeroed: true);
        OwnedPayload<LogicalDescriptor>? table = null;
        device.Upload(hostSpectra.Payload, spectra.Payload, blocking: true);
        device.Upload(hostSpaces.Payload, spaceBuffer.Payload, blocking: true);
        if (settings.UsesTable)
        {
            using var hostTable = OwnedPayload<LogicalDescriptor>.Allocate(HostAllocator.Shared, FourierInsertion.TableDescriptor(), DataType.Float32, "table");
            settings.CreateBlob().FillTable(hostTable.AsSpan<float>());
            table = device.Allocate(FourierInsertion.TableDescriptor(), DataType.Float32, "table");
            device.Upload(hostTable.Payload, table.Payload, blocking: true);
        }

        var algorithm = new FourierInsertion(FourierInsertionStrategies.OpenCl(device));
        var o = new FourierInsertionOutput(volume.Payload, weights.Payload);
        var i = new FourierInsertionInput(spectra.Payload, spaceBuffer.Payload, table?.Payload);
        algorithm.Init(o, i, settings).ThrowIfFailed();
        string mode = settings.Mode == InsertionMode.NearestNeighbour ? "nearest" : settings.UsesTable ? "blob table" : "blob on the fly";
        string shape = string.Create(CultureInfo.InvariantCulture, $"{count} spaces of {projection}² projections, volume {(2 * half) + 1}³, {mode}");
        var benchCase = new OpenClBenchCase($"FourierInsertion {mode}", shape, 12L * voxels,
            () => algorithm.Execute(o, i),
            () =>
            {
                algorithm.Dispose();
                table?.Dispose();
                weights.Dispose();
                volume.Dispose();
                spaceBuffer.Dispose();
                spectra.Dispose();
            });
        return (benchCase, voxels);
    }

    /// <summary>(space, voxel) pairs with |K|² ≤ MaxDistanceSqr that gather at least one coefficient (blob) or are hit (nearest).</summary>
    private static long VoxelUpdates(ReadOnlySpan<TraverseSpace> spaces, int half, FourierInsertionSettings settings)
    {
        long total = 0;
        double r = settings.SlabRadius;
        foreach (var s in spaces)
        {
            for (int z = s.MinZ; z <= s.MaxZ; z++)
            {
                for (int y = s.MinY; y <= s.MaxY; y++)
                {
                    for (int x = s.MinX; x <= s.MaxX; x++)
                    {
                        total += Receives(s, x - half, y - half, z - half, half, r, settings.Mode) ? 1 : 0;
                    }
                }
            }
        }

        return total;
    }

    private static bool Receives(in TraverseSpace s, double kx, double ky, double kz, int half, double r, InsertionMode mode)
    {
        if ((kx * kx) + (ky * ky) + (kz * kz) > s.MaxDistanceSqr)
        {
            return false;
        }

        double px = (s.M00 * kx) + (s.M01 * ky) + (s.M02 * kz);
        double py = (s.M10 * kx) + (s.M11 * ky) + (s.M12 * kz) + half;
        double pz = (s.M20 * kx) + (s.M21 * ky) + (s.M22 * kz);
        if (mode == InsertionMode.NearestNeighbour)
        {
            // The voxel nearest the slice along the plane's solved axis: |pz| below half the solved axis' step.
            double nc = Math.Max(Math.Abs(s.NormalX), Math.Max(Math.Abs(s.NormalY), Math.Abs(s.NormalZ)));
            return px >= 0 && Math.Abs(pz) < nc / 2;
        }

        double i = Math.Clamp(Math.Round(px), 0, half);
        double j = Math.Clamp(Math.Round(py), 0, 2 * half);
        return px >= -r && ((px - i) * (px - i)) + ((py - j) * (py - j)) + (pz * pz) <= r * r;
    }
}
