using Oompa.Core.Data;
using Oompa.Core.Devices;
using Oompa.Core.Memory;
using Oompa.Scheduler.Data;
using Oompa.Scheduler.Nodes;
using Oompa.Scheduler.Tasks;
using Oompa.Scheduler.Tests.Support;
using Oompa.Scheduler.Workers;

namespace Oompa.Scheduler.Tests.Runtime;

/// <summary>
/// A copy still in flight into a replica that a write elsewhere made invalid (a prefetch for a task that then ran on
/// another worker) is stale: a later reader on that node must get a fresh copy, not wait for the stale one.
/// </summary>
public class StaleFetchTests
{
    private const int Length = 8;
    private const long Bytes = Length * sizeof(double);

    [Fact]
    public async Task A_reader_does_not_take_the_bytes_of_a_prefetch_that_a_write_elsewhere_made_stale()
    {
        using var arrays = new HostArrays();
        var (data, device, coherency, h, cpu, gpu) = Setup(arrays);

        // A reader placed on the device: its input is prefetched. The bytes move (old values), but the completion of
        // the copy has not been applied yet.
        var orders = new List<CopyOrder>();
        coherency.Prefetch(NewTask(h, AccessMode.Read, 1), 1, orders);
        var prefetch = Assert.Single(orders);
        orders.Clear();
        await device.CopyAsync(prefetch.From, prefetch.To, prefetch.Bytes);

        // The reader runs on the CPU instead (stolen), then a writer on the CPU changes the data.
        var writer = NewTask(h, AccessMode.ReadWrite, 2);
        Acquire(coherency, writer, cpu, orders, []);
        Assert.Empty(orders);
        data.AsSpan<double>().Fill(42);
        coherency.Release(writer, cpu);

        // A reader on the device must see the written values, whatever order the copies finish in.
        var reader = NewTask(h, AccessMode.Read, 3);
        var waits = new List<Task>();
        Acquire(coherency, reader, gpu, orders, waits);
        coherency.CopyFinished(prefetch, succeeded: true);
        prefetch.Done.TrySetResult();
        await RunAll(coherency, device, orders);
        await Task.WhenAll(waits).WaitAsync(TestRuntimes.Timeout);
        Assert.Equal(Enumerable.Repeat(42.0, Length), DeviceValues(h.Replicas[1]));
        Assert.NotEqual(ReplicaState.Invalid, Coherency.StateOf(h, 1));
        coherency.Release(reader, gpu);
    }

    [Fact]
    public async Task A_host_reader_does_not_take_the_bytes_of_a_copy_home_that_a_device_write_made_stale()
    {
        using var arrays = new HostArrays();
        var (data, device, coherency, h, cpu, gpu) = Setup(arrays);

        // A device task writes 5: the device owns the data.
        var orders = new List<CopyOrder>();
        var first = NewTask(h, AccessMode.ReadWrite, 1);
        var waits = new List<Task>();
        Acquire(coherency, first, gpu, orders, waits);
        await RunAll(coherency, device, orders);
        orders.Clear();
        ((FakeBuffer)h.Replicas[1].Physical!.Handle!).Span<double>().Fill(5);
        coherency.Release(first, gpu);

        // A reader placed on a CPU worker: its input is prefetched home. The bytes move (5s), the completion waits.
        coherency.Prefetch(NewTask(h, AccessMode.Read, 2), 0, orders);
        var prefetch = Assert.Single(orders);
        orders.Clear();
        await device.CopyAsync(prefetch.From, prefetch.To, prefetch.Bytes);

        // The reader runs on the device instead (stolen); then a device task writes 9.
        var second = NewTask(h, AccessMode.ReadWrite, 3);
        Acquire(coherency, second, gpu, orders, []);
        Assert.Empty(orders);
        ((FakeBuffer)h.Replicas[1].Physical!.Handle!).Span<double>().Fill(9);
        coherency.Release(second, gpu);

        // A host reader must see 9.
        var reader = NewTask(h, AccessMode.Read, 4);
        waits.Clear();
        Acquire(coherency, reader, cpu, orders, waits);
        coherency.CopyFinished(prefetch, succeeded: true);
        prefetch.Done.TrySetResult();
        await RunAll(coherency, device, orders);
        await Task.WhenAll(waits).WaitAsync(TestRuntimes.Timeout);
        Assert.Equal(Enumerable.Repeat(9.0, Length), data.AsSpan<double>().ToArray());
        coherency.Release(reader, cpu);
    }

    /// <summary>A host and a fake device node, one handle whose host copy holds 0, 1, 2, ..., and a worker on each node.</summary>
    private (OwnedPayload<LogicalDescriptor> Data, FakeDeviceNode Device, Coherency Coherency, DataHandle Handle, WorkerSlot Cpu, WorkerSlot Gpu) Setup(HostArrays arrays)
    {
        var data = arrays.Add(Length, "data", i => i);
        var device = new FakeDeviceNode(0);
        var coherency = new Coherency([new HostNodeProvider(), device], Free(2));
        var h = new DataHandle(this, 1, "data", Bytes, data.Payload, scratch: false, null, 2);
        h.Replicas[0].Attach(data.Payload.Physical, null);
        h.Replicas[0].State = ReplicaState.Modified;
        var cpu = new WorkerSlot(0, new WorkerDescription("cpu", DeviceKind.Cpu, MemoryNode.Host, "cpu", 1), 0, null);
        var gpu = new WorkerSlot(1, new WorkerDescription("gpu", DeviceKind.Accelerator, MemoryNode.Device(0), "gpu", 1), 1, null);
        return (data, device, coherency, h, cpu, gpu);
    }

    private static async Task RunAll(Coherency coherency, FakeDeviceNode device, List<CopyOrder> orders)
    {
        foreach (var order in orders)
        {
            if (order.After is { } after)
            {
                await after;
            }

            await device.CopyAsync(order.From, order.To, order.Bytes);
            coherency.CopyFinished(order, succeeded: true);
            order.Done.TrySetResult();
        }
    }

    private static ScheduledTask NewTask(DataHandle h, AccessMode mode, long id) =>
        new(new Lock(), id, TestRuntimes.Both("t", _ => { }), [new DataAccess(h, mode)], TaskOptions.Default);

    private static void Acquire(Coherency coherency, ScheduledTask task, WorkerSlot slot, List<CopyOrder> orders, List<Task> waits)
    {
        Assert.True(coherency.PrepareRoom(task, slot, orders).Fits);
        coherency.Acquire(task, slot, null, orders, waits, []);
    }

    private static LinkCost[,] Free(int nodes)
    {
        var costs = new LinkCost[nodes, nodes];
        for (int i = 0; i < nodes; i++)
        {
            for (int j = 0; j < nodes; j++)
            {
                costs[i, j] = LinkCost.Free;
            }
        }

        return costs;
    }

    private static double[] DeviceValues(Replica r) => ((FakeBuffer)r.Physical!.Handle!).Span<double>().ToArray();
}
