using System.Collections.Concurrent;
using System.Globalization;
using Oompa.Algorithms.Reconstruction.Insertion;
using Oompa.Core.Data;
using Oompa.Core.Devices;
using Oompa.Core.Memory;
using Oompa.Scheduler;
using Oompa.Scheduler.Data;
using Oompa.Scheduler.Tasks;
using Oompa.Scheduler.Workers;

namespace Oompa.Samples.FourierReconstruction.Pipeline;

/// <summary>
/// Insertion through the task runtime: each batch is one task on whichever worker the policy picks (a CPU worker with
/// the CPU strategies of its cores, an OpenCL worker with the OpenCL kernel on its device). G and W are
/// <see cref="AccessMode.Reduction"/> handles: every worker inserts into its own zeroed partial volume, on its own
/// memory node, and the runtime adds the parts together at <see cref="Gather"/>. A batch's spectra and spaces go to a
/// ring of <see cref="Slots"/> host buffers registered once, so the host prepares the next batches while workers
/// insert; a slot is reused only after the tasks reading it have finished (<see cref="TaskRuntime.Acquire"/>).
/// </summary>
internal sealed class ScheduledAccumulator : VolumeAccumulator
{
    /// <summary>Batches in flight at most.</summary>
    public const int Slots = 4;

    private readonly TaskRuntime runtime;
    private readonly Func<IWorker, FourierInsertion> factory;
    private readonly FourierInsertionSettings settings;
    private readonly OwnedPayload<FourierDescriptor> volume;
    private readonly OwnedPayload<LogicalDescriptor> weights;
    private readonly OwnedPayload<LogicalDescriptor>? table;
    private readonly List<DataHandle> handles = [];
    private readonly DataHandle volumeHandle;
    private readonly DataHandle weightsHandle;
    private readonly DataHandle? tableHandle;
    private readonly Slot[] slots;
    private readonly Codelet codelet;
    private readonly ConcurrentDictionary<string, WorkerInsertion> perWorker = new(StringComparer.Ordinal);
    private int next = -1;

    /// <summary>Registers G, W (reduction), the table and the ring of batch buffers with <paramref name="runtime"/>.</summary>
    public ScheduledAccumulator(TaskRuntime runtime, Func<IWorker, FourierInsertion> factory, FourierDescriptor spectra, int capacity, FourierInsertionSettings settings)
    {
        this.runtime = runtime;
        this.factory = factory;
        this.settings = settings;
        var host = HostAllocator.Shared;
        var zeroed = new AllocationOptions(Zeroed: true);
        volume = OwnedPayload<FourierDescriptor>.Allocate(host, FourierInsertion.VolumeDescriptor(spectra), DataType.Complex32, "Fourier volume G", zeroed);
        weights = OwnedPayload<LogicalDescriptor>.Allocate(host, FourierInsertion.WeightsDescriptor(spectra), DataType.Float32, "weights W", zeroed);
        volumeHandle = Keep(runtime.Register(volume.Payload, "G", VolumeReduction.Sum));
        weightsHandle = Keep(runtime.Register(weights.Payload, "W", VolumeReduction.Sum));
        if (settings.UsesTable)
        {
            table = OwnedPayload<LogicalDescriptor>.Allocate(host, FourierInsertion.TableDescriptor(), DataType.Float32, "blob table");
            settings.CreateBlob().FillTable(table.AsSpan<float>());
            tableHandle = Keep(runtime.Register(table.Payload, "blob table"));
        }

        slots = new Slot[Slots];
        for (int k = 0; k < slots.Length; k++)
        {
            var s = OwnedPayload<FourierDescriptor>.Allocate(host, spectra, DataType.Complex32, $"spectra {k}");
            var t = OwnedPayload<LogicalDescriptor>.Allocate(host, FourierInsertion.SpacesDescriptor(capacity), TraverseSpace.DataType, $"traverse spaces {k}");
            slots[k] = new Slot(s, t, Keep(runtime.Register(s.Payload, s.Payload.Name)), Keep(runtime.Register(t.Payload, t.Payload.Name)));
        }

        string name = string.Create(CultureInfo.InvariantCulture, $"reconstruct.insert#{settings.GetHashCode() & 0xFFFFFFF:x7}");
        codelet = new Codelet(name,
            new TaskImplementation("Cpu", DeviceKind.Cpu, Run),
            new TaskImplementation("OpenCl", DeviceKind.Accelerator, Run));
    }

    /// <summary>Insertion tasks submitted so far.</summary>
    public int Submitted { get; private set; }

    /// <inheritdoc />
    public override Span<TraverseSpace> Spaces(int count)
    {
        next = (next + 1) % slots.Length;
        var slot = slots[next];
        runtime.Acquire(slot.SpectraHandle);   // waits for the task that read this slot last time
        runtime.Acquire(slot.SpacesHandle);
        return slot.Spaces.AsSpan<TraverseSpace>()[..count];
    }

    /// <inheritdoc />
    public override void Insert(Payload<FourierDescriptor> spectra, int count)
    {
        var slot = slots[next];
        spectra.AsSpan<ComplexF>().CopyTo(slot.Spectra.AsSpan<ComplexF>());
        List<DataAccess> accesses =
        [
            new(volumeHandle, AccessMode.Reduction), new(weightsHandle, AccessMode.Reduction),
            new(slot.SpectraHandle, AccessMode.Read), new(slot.SpacesHandle, AccessMode.Read),
        ];
        if (tableHandle is not null)
        {
            accesses.Add(new(tableHandle, AccessMode.Read));
        }

        runtime.Submit(codelet, accesses, new TaskOptions { Name = codelet.Name, Argument = count });
        Submitted++;
    }

    /// <inheritdoc />
    public override void Drain() => runtime.Synchronize();   // every task, then the reduction of the partial volumes

    /// <inheritdoc />
    public override (Payload<FourierDescriptor> Volume, Payload<LogicalDescriptor> Weights) Gather()
    {
        runtime.Synchronize();   // combines the partial volumes into G and W and brings them home
        return (volume.Payload, weights.Payload);
    }

    /// <inheritdoc />
    protected override void Dispose(bool disposing)
    {
        foreach (var handle in handles)
        {
            try
            {
                runtime.Unregister(handle);
            }
            catch (Exception e) when (e is InvalidOperationException or AggregateException)
            {
                // A failed task was reported by Gather (or the caller is unwinding from it); the memory goes anyway.
            }
        }

        foreach (var w in perWorker.Values)
        {
            w.Insertion.Dispose();
        }

        foreach (var slot in slots)
        {
            slot.Spectra.Dispose();
            slot.Spaces.Dispose();
        }

        volume.Dispose();
        weights.Dispose();
        table?.Dispose();
    }

    private DataHandle Keep(DataHandle handle)
    {
        handles.Add(handle);
        return handle;
    }

    /// <summary>One batch on one worker: the worker's own insertion over its node's copies (its partial G and W).</summary>
    private void Run(TaskContext context)
    {
        int count = (int)context.Argument!;
        var w = perWorker.GetOrAdd(context.Worker.Name, _ => new WorkerInsertion(factory(context.Worker)));
        var output = new FourierInsertionOutput(context.Payload<FourierDescriptor>(0), context.Payload<LogicalDescriptor>(1));
        var spaces = context.Payload<LogicalDescriptor>(3);
        var input = new FourierInsertionInput(
            context.Payload<FourierDescriptor>(2),
            spaces with { Descriptor = FourierInsertion.SpacesDescriptor(count) },
            context.Count > 4 ? context.Payload<LogicalDescriptor>(4) : null);
        if (w.Initialised != count)
        {
            w.Insertion.Init(output, input, settings).ThrowIfFailed();
            w.Initialised = count;
        }

        w.Insertion.Execute(output, input);
        w.Insertion.Synchronize();
    }

    private sealed record Slot(OwnedPayload<FourierDescriptor> Spectra, OwnedPayload<LogicalDescriptor> Spaces, DataHandle SpectraHandle, DataHandle SpacesHandle);

    private sealed class WorkerInsertion(FourierInsertion insertion)
    {
        public FourierInsertion Insertion { get; } = insertion;

        public int Initialised { get; set; }
    }
}
