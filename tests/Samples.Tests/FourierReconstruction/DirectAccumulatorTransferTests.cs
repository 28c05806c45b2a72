using Oompa.Algorithms.Reconstruction.Geometry;
using Oompa.Algorithms.Reconstruction.Insertion;
using Oompa.Algorithms.Reconstruction.Phantom;
using Oompa.Core.Data;
using Oompa.Core.Devices;
using Oompa.Core.Devices.OpenCl;
using Oompa.Core.Memory;
using Oompa.Samples.FourierReconstruction.Pipeline;

namespace Oompa.Samples.Tests.FourierReconstruction;

/// <summary>
/// What the opencl backend moves between host and device, counted by the device's queues (no timing): a batch moves
/// its spectra and traverse spaces up and nothing down, whatever the volume (a last batch of another count re-runs
/// Init and still moves nothing more); G and W come down exactly once, at <see cref="DirectAccumulator.Gather"/>, into
/// host copies that exist from construction (the read-back faulted in 1.6 GB of fresh pages at 256², which took longer
/// than the insertion of 40 projections and made throughput fall with the image size).
/// </summary>
public sealed class DirectAccumulatorTransferTests
{
    private const int Half = 16;
    private const int Batch = 8;

    [Fact]
    public void Batches_move_only_spectra_and_spaces_and_gather_reads_G_and_W_once()
    {
        // A device of its own: its queues count this test's transfers alone while other classes run in parallel.
        var info = OpenClDeviceSelection.Preferred(OpenClDiscovery.Discover().Devices)
            ?? throw new InvalidOperationException("No OpenCL device: install pocl-opencl-icd.");
        using var openCl = OpenClDevice.Open(info, 0);
        var settings = FourierInsertionSettings.Default;
        using var provider = new AlgorithmProvider(new CpuDevice(2), openCl: openCl);
        var spectraDescriptor = FourierInsertion.SpectraDescriptor(Half, Batch);
        using var spectra = OwnedPayload<FourierDescriptor>.Allocate(HostAllocator.Shared, spectraDescriptor, DataType.Complex32, "spectra");
        spectra.AsSpan<ComplexF>().Fill(new ComplexF(1f, 0.5f));
        var host = new HostAllocator();
        using var accumulator = new DirectAccumulator(provider.FourierInsertion(), spectraDescriptor, Batch, settings, openCl, host);
        var angles = Orientations.Random(2 * Batch + 3, 11);
        long volumeBytes = FourierInsertion.VolumeDescriptor(spectraDescriptor).ElementCount * DataType.Complex32.Size;
        long weightsBytes = FourierInsertion.WeightsDescriptor(spectraDescriptor).ElementCount * DataType.Float32.Size;
        Assert.True(host.Statistics.LiveBytes >= volumeBytes + weightsBytes, $"construction allocated {host.Statistics.LiveBytes} host bytes; the host copies of G and W need {volumeBytes + weightsBytes}.");
        long allocations = host.Statistics.TotalAllocations;

        int done = 0;
        foreach (int count in new[] { Batch, Batch, 3 })
        {
            var orientations = angles.Skip(done).Take(count).Select(a => a.ToMatrix()).ToArray();
            TraverseSpaces.Fill(accumulator.Spaces(count), orientations, [Matrix3.Identity], Half, settings);
            var (up, down) = Moved(openCl, () => accumulator.Insert(spectra.Payload, count));
            long allowed = spectra.Payload.RequiredBytes + (count * TraverseSpace.DataType.Size);
            Assert.True(down == 0, $"batch of {count} read {down} bytes back to the host.");
            Assert.True(up <= allowed, $"batch of {count} moved {up} bytes to the device; its spectra and spaces are {allowed}.");
            Assert.True(up < volumeBytes, $"batch of {count} moved {up} bytes to the device, a volume's worth ({volumeBytes}).");
            done += count;
        }

        Payload<FourierDescriptor> volume = default!;
        Payload<LogicalDescriptor> weights = default!;
        var (gatherUp, gatherDown) = Moved(openCl, () => (volume, weights) = accumulator.Gather());
        Assert.Equal(0, gatherUp);
        Assert.Equal(volumeBytes + weightsBytes, gatherDown);
        Assert.Equal(allocations, host.Statistics.TotalAllocations);   // the read-back lands in memory touched at construction
        Assert.True(volume.Physical.Node.IsHost && weights.Physical.Node.IsHost, "Gather returned device payloads.");
        Assert.True(weights.AsSpan<float>().ToArray().Sum() > 0, "nothing was inserted.");

        // A second Gather reads again into the same host copies.
        var (_, again) = Moved(openCl, () => Assert.Equal(volume.Physical.Pointer, accumulator.Gather().Volume.Physical.Pointer));
        Assert.Equal(volumeBytes + weightsBytes, again);
    }

    private static (long Up, long Down) Moved(OpenClDevice device, Action action)
    {
        long up = device.ComputeQueue.BytesToDevice + device.TransferQueue.BytesToDevice;
        long down = device.ComputeQueue.BytesToHost + device.TransferQueue.BytesToHost;
        action();
        return (device.ComputeQueue.BytesToDevice + device.TransferQueue.BytesToDevice - up, device.ComputeQueue.BytesToHost + device.TransferQueue.BytesToHost - down);
    }
}
