using Oompa.Algorithms.Reconstruction.Insertion;
using Oompa.Core.Data;
using Oompa.Core.Devices.OpenCl;
using Oompa.Core.Memory;

namespace Oompa.Samples.FourierReconstruction.Pipeline;

/// <summary>
/// One insertion algorithm writing into one G and W for the whole run. With an OpenCL device the accumulators (and
/// the blob table) are device buffers, zeroed on the device and read back once by <see cref="Gather"/>, so a batch
/// moves only its spectra and traverse spaces; otherwise they are host payloads (a host payload given to an OpenCL
/// strategy would be staged up and down on every batch). The host copies that <see cref="Gather"/> reads into are
/// allocated and touched here, at setup, as the CPU backend's G and W are: faulting in 1.6 GB of fresh pages during the
/// read-back (256² projections, padding 2) took longer than inserting 40 projections on pocl and on the H100.
/// </summary>
internal sealed class DirectAccumulator : VolumeAccumulator
{
    private readonly FourierInsertion insertion;
    private readonly FourierInsertionSettings settings;
    private readonly OwnedPayload<FourierDescriptor> volume;
    private readonly OwnedPayload<LogicalDescriptor> weights;
    private readonly OwnedPayload<LogicalDescriptor> spaces;
    private readonly OwnedPayload<LogicalDescriptor>? table;
    private readonly OpenClDevice? device;
    private readonly OwnedPayload<FourierDescriptor>? hostVolume;
    private readonly OwnedPayload<LogicalDescriptor>? hostWeights;
    private int initialised;

    /// <summary>
    /// Allocates G, W (on <paramref name="device"/> when given, else on the host), room for <paramref name="capacity"/>
    /// spaces and, with a device, the host copies of G and W.
    /// </summary>
    /// <param name="insertion">The insertion (disposed with the accumulator).</param>
    /// <param name="spectra">The descriptor of the batches' spectra.</param>
    /// <param name="capacity">Traverse spaces per batch at most.</param>
    /// <param name="settings">The insertion settings.</param>
    /// <param name="device">The device G and W live on, or null for the host.</param>
    /// <param name="host">Where host memory comes from; null for <see cref="HostAllocator.Shared"/> (tests pass their own to count).</param>
    public DirectAccumulator(FourierInsertion insertion, FourierDescriptor spectra, int capacity, FourierInsertionSettings settings, OpenClDevice? device, IMemoryAllocator? host = null)
    {
        this.insertion = insertion;
        this.settings = settings;
        this.device = device;
        host ??= HostAllocator.Shared;
        IMemoryAllocator allocator = device is null ? host : device.Allocator;
        var zeroed = new AllocationOptions(Zeroed: true);
        volume = OwnedPayload<FourierDescriptor>.Allocate(allocator, FourierInsertion.VolumeDescriptor(spectra), DataType.Complex32, "Fourier volume G", zeroed);
        weights = OwnedPayload<LogicalDescriptor>.Allocate(allocator, FourierInsertion.WeightsDescriptor(spectra), DataType.Float32, "weights W", zeroed);
        spaces = OwnedPayload<LogicalDescriptor>.Allocate(host, FourierInsertion.SpacesDescriptor(capacity), TraverseSpace.DataType, "traverse spaces");
        if (device is not null)
        {
            // Zeroed: every page is faulted in now (huge pages where the kernel allows), not during the read-back.
            var touched = new AllocationOptions(Zeroed: true, HugePages: true);
            hostVolume = OwnedPayload<FourierDescriptor>.Allocate(host, volume.Payload.Descriptor, DataType.Complex32, "Fourier volume G (host)", touched);
            hostWeights = OwnedPayload<LogicalDescriptor>.Allocate(host, weights.Payload.Descriptor, DataType.Float32, "weights W (host)", touched);
        }

        if (settings.UsesTable)
        {
            var values = new float[FourierInsertionSettings.DefaultTableSize];
            settings.CreateBlob().FillTable(values);
            table = OwnedPayload<LogicalDescriptor>.Allocate(allocator, FourierInsertion.TableDescriptor(), DataType.Float32, "blob table");
            Upload(table, values);
        }
    }

    /// <inheritdoc />
    public override Span<TraverseSpace> Spaces(int count) => spaces.AsSpan<TraverseSpace>()[..count];

    /// <inheritdoc />
    public override void Insert(Payload<FourierDescriptor> spectra, int count)
    {
        var input = new FourierInsertionInput(spectra, spaces.Payload with { Descriptor = FourierInsertion.SpacesDescriptor(count) }, table?.Payload);
        var output = new FourierInsertionOutput(volume.Payload, weights.Payload);
        if (initialised != count)
        {
            insertion.Init(output, input, settings).ThrowIfFailed();
            initialised = count;
        }

        insertion.Execute(output, input);
        insertion.Synchronize();
    }

    /// <inheritdoc />
    public override void Drain() => insertion.Synchronize();

    /// <inheritdoc />
    public override (Payload<FourierDescriptor> Volume, Payload<LogicalDescriptor> Weights) Gather()
    {
        insertion.Synchronize();
        if (device is null || hostVolume is null || hostWeights is null)
        {
            return (volume.Payload, weights.Payload);
        }

        device.ComputeQueue.Finish();
        device.ComputeQueue.Read((OpenClBuffer)volume.Block, 0, hostVolume.Block.Pointer, volume.Payload.RequiredBytes, blocking: true);
        device.ComputeQueue.Read((OpenClBuffer)weights.Block, 0, hostWeights.Block.Pointer, weights.Payload.RequiredBytes, blocking: true);
        return (hostVolume.Payload, hostWeights.Payload);
    }

    /// <inheritdoc />
    protected override void Dispose(bool disposing)
    {
        insertion.Dispose();
        volume.Dispose();
        weights.Dispose();
        spaces.Dispose();
        table?.Dispose();
        hostVolume?.Dispose();
        hostWeights?.Dispose();
    }

    private unsafe void Upload(OwnedPayload<LogicalDescriptor> target, float[] values)
    {
        if (device is null)
        {
            values.CopyTo(target.AsSpan<float>());
            return;
        }

        fixed (float* v = values)
        {
            device.ComputeQueue.Write((OpenClBuffer)target.Block, 0, (nint)v, (long)values.Length * sizeof(float), blocking: true);
        }
    }
}
