using Oompa.Core.Data;
using Oompa.Core.Devices;
using Oompa.Scheduler.Data;
using Oompa.Scheduler.Models;
using Oompa.Scheduler.Nodes;
using Oompa.Scheduler.Tasks;
using Oompa.Scheduler.Tests.Support;
using Oompa.Scheduler.Workers;

namespace Oompa.Scheduler.Tests.Runtime;

/// <summary>MSI replicas across the host and fake device nodes: replication, invalidation, eviction, write-back.</summary>
public class CoherencyTests
{
    private const int Length = 8;
    private const long Bytes = Length * sizeof(double);

    [Fact]
    public async Task Reads_replicate_writes_invalidate_and_synchronize_hands_the_data_back()
    {
        using var arrays = new HostArrays();
        var data = arrays.Add(Length, "data", i => i);
        var device = new FakeDeviceNode(0);
        await using var runtime = new TaskRuntime(Options(device));
        var h = runtime.Register(data.Payload);
        var host = MemoryNode.Host;
        var gpu = MemoryNode.Device(0);

        await runtime.Submit(TestRuntimes.Device("check", c => Expect(c, 0, i => i)), new DataAccess(h, AccessMode.Read)).Completion.WaitAsync(TestRuntimes.Timeout);
        Assert.Equal((ReplicaState.Shared, ReplicaState.Shared), (runtime.StateOf(h, host), runtime.StateOf(h, gpu)));

        await runtime.Submit(TestRuntimes.Device("add", c => Add(c, 0, 1)), new DataAccess(h, AccessMode.ReadWrite)).Completion.WaitAsync(TestRuntimes.Timeout);
        Assert.Equal((ReplicaState.Invalid, ReplicaState.Modified), (runtime.StateOf(h, host), runtime.StateOf(h, gpu)));

        await runtime.Submit(TestRuntimes.Cpu("check", c => Expect(c, 0, i => i + 1)), new DataAccess(h, AccessMode.Read)).Completion.WaitAsync(TestRuntimes.Timeout);
        Assert.Equal((ReplicaState.Shared, ReplicaState.Shared), (runtime.StateOf(h, host), runtime.StateOf(h, gpu)));

        await runtime.Submit(TestRuntimes.Device("add", c => Add(c, 0, 1)), new DataAccess(h, AccessMode.ReadWrite)).Completion.WaitAsync(TestRuntimes.Timeout);
        await runtime.SynchronizeWithinTimeoutAsync();
        Assert.Equal((ReplicaState.Modified, ReplicaState.Invalid), (runtime.StateOf(h, host), runtime.StateOf(h, gpu)));
        Assert.Equal(Enumerable.Range(0, Length).Select(i => i + 2.0), data.AsSpan<double>().ToArray());
    }

    [Fact]
    public async Task Valid_replicas_are_not_copied_again_and_host_changes_after_synchronize_are_seen()
    {
        using var arrays = new HostArrays();
        var data = arrays.Add(Length, "data", i => i);
        var device = new FakeDeviceNode(0);
        await using var runtime = new TaskRuntime(Options(device));
        var h = runtime.Register(data.Payload);
        for (int k = 0; k < 3; k++)
        {
            runtime.Submit(TestRuntimes.Device("check", c => Expect(c, 0, i => i)), new DataAccess(h, AccessMode.Read));
        }

        await runtime.SynchronizeWithinTimeoutAsync();
        Assert.Equal(1, device.Copies);

        data.AsSpan<double>().Fill(7);
        runtime.Submit(TestRuntimes.Device("check", c => Expect(c, 0, _ => 7)), new DataAccess(h, AccessMode.Read));
        await runtime.SynchronizeWithinTimeoutAsync();
        Assert.Equal(2, device.Copies);
    }

    [Fact]
    public async Task Clean_replicas_are_evicted_least_recently_used_first_within_the_memory_limit()
    {
        using var arrays = new HostArrays();
        var device = new FakeDeviceNode(0, memoryLimit: 2 * Bytes);
        var owned = Enumerable.Range(0, 5).Select(a => arrays.Add(Length, $"a{a}", i => (a * 100) + i)).ToArray();
        await using var runtime = new TaskRuntime(Options(device));
        var handles = owned.Select(o => runtime.Register(o.Payload)).ToArray();
        for (int round = 0; round < 2; round++)
        {
            for (int a = 0; a < handles.Length; a++)
            {
                int k = a;
                await runtime.Submit(TestRuntimes.Device("check", c => Expect(c, 0, i => (k * 100) + i)), new DataAccess(handles[a], AccessMode.Read)).Completion.WaitAsync(TestRuntimes.Timeout);
            }
        }

        // Reading a4 evicted a2 (the least recently used of the two), a3 stays next to a4.
        Assert.Equal(ReplicaState.Shared, runtime.StateOf(handles[4], MemoryNode.Device(0)));
        Assert.Equal(ReplicaState.Shared, runtime.StateOf(handles[3], MemoryNode.Device(0)));
        Assert.Equal(ReplicaState.Invalid, runtime.StateOf(handles[2], MemoryNode.Device(0)));
        Assert.True(device.PeakBytes <= 2 * Bytes);
        Assert.True(runtime.MemoryUse(MemoryNode.Device(0)).Peak <= 2 * Bytes);
        Assert.Equal(10, device.Copies);
    }

    [Fact]
    public async Task The_last_valid_copy_is_written_back_before_its_buffer_is_reused()
    {
        using var arrays = new HostArrays();
        var device = new FakeDeviceNode(0, memoryLimit: 2 * Bytes);
        var owned = Enumerable.Range(0, 6).Select(a => arrays.Add(Length, $"a{a}")).ToArray();
        await using var runtime = new TaskRuntime(Options(device));
        var handles = owned.Select(o => runtime.Register(o.Payload)).ToArray();
        for (int a = 0; a < handles.Length; a++)
        {
            int k = a;
            runtime.Submit(TestRuntimes.Device("fill", c => Kernels.Doubles(c, 0).Fill(k + 1)), new DataAccess(handles[a], AccessMode.Write));
        }

        await runtime.SynchronizeWithinTimeoutAsync();
        for (int a = 0; a < owned.Length; a++)
        {
            Assert.All(owned[a].AsSpan<double>().ToArray(), v => Assert.Equal(a + 1, v));
        }

        Assert.True(device.PeakBytes <= 2 * Bytes);
    }

    [Fact]
    public async Task Data_moves_between_two_devices_through_the_host()
    {
        using var arrays = new HostArrays();
        var data = arrays.Add(Length, "data", i => i);
        var first = new FakeDeviceNode(0);
        var second = new FakeDeviceNode(1);
        var options = Options(first) with
        {
            Workers = [new CpuWorker("cpu0"), new FakeDeviceWorker(0), new FakeDeviceWorker(1)],
            Nodes = [first, second],
            TransferModel = null,
        };
        await using var runtime = new TaskRuntime(options);
        var h = runtime.Register(data.Payload);
        var onFirst = new Codelet("add", new TaskImplementation("fake", DeviceKind.Accelerator, c => Add(c, 0, 10)) { Accepts = w => w.Node == MemoryNode.Device(0) });
        var onSecond = new Codelet("check", new TaskImplementation("fake", DeviceKind.Accelerator, c => Expect(c, 0, i => i + 10)) { Accepts = w => w.Node == MemoryNode.Device(1) });
        runtime.Submit(onFirst, new DataAccess(h, AccessMode.ReadWrite));
        var check = runtime.Submit(onSecond, new DataAccess(h, AccessMode.Read));
        await runtime.SynchronizeWithinTimeoutAsync();
        Assert.Equal("fake1", check.WorkerName);
        var links = runtime.Summary().Links;
        Assert.Contains(links, l => l.From == "device0" && l.To == "host");
        Assert.Contains(links, l => l.From == "host" && l.To == "device1");
    }

    [Fact]
    public async Task Registration_refuses_partial_overlaps_and_reuses_idle_freed_ranges()
    {
        using var arrays = new HostArrays();
        var data = arrays.Add(2 * Length, "data");
        await using var runtime = new TaskRuntime(TestRuntimes.Options("dmda", 1));
        var whole = runtime.Register(data.Payload);
        Assert.Same(whole, runtime.GetOrRegister(data.Payload));
        var half = data.Payload with { Descriptor = new LogicalDescriptor(new Size(Length)) };
        var error = Assert.Throws<ArgumentException>(() => runtime.Register(half));
        Assert.Contains("overlaps", error.Message, StringComparison.Ordinal);

        // The whole buffer is idle: a smaller payload at the same address is taken for reused memory.
        var replaced = runtime.GetOrRegister(half);
        Assert.True(whole.IsUnregistered);
        Assert.Equal(Bytes, replaced.Bytes);
        Assert.Throws<ArgumentException>(() => runtime.Submit(TestRuntimes.Cpu("x", _ => { }), new DataAccess(whole, AccessMode.Read)));
    }

    [Fact]
    public async Task Scratch_buffers_are_private_to_each_worker()
    {
        await using var runtime = new TaskRuntime(TestRuntimes.Options("eager", 2, new FakeDeviceNode(0)));
        var scratch = runtime.RegisterScratch(Payload<LogicalDescriptor>.Describe(new LogicalDescriptor(new Size(256)), DataType.Float64, "tmp"));
        for (int t = 0; t < 60; t++)
        {
            double id = t;
            runtime.Submit(
                TestRuntimes.Both("scratch", c =>
                {
                    var s = Kernels.Doubles(c, 0);
                    s.Fill(id);
                    Thread.SpinWait(2000);
                    Assert.All(s.ToArray(), v => Assert.Equal(id, v));
                }),
                new DataAccess(scratch, AccessMode.Scratch));
        }

        await runtime.SynchronizeWithinTimeoutAsync();
    }

    [Fact]
    public async Task Unregister_brings_the_data_home_and_frees_the_device_buffers()
    {
        using var arrays = new HostArrays();
        var data = arrays.Add(Length, "data", i => i);
        var device = new FakeDeviceNode(0);
        await using var runtime = new TaskRuntime(Options(device));
        var h = runtime.Register(data.Payload);
        runtime.Submit(TestRuntimes.Device("add", c => Add(c, 0, 5)), new DataAccess(h, AccessMode.ReadWrite));
        runtime.Unregister(h);
        Assert.Equal(0, device.LiveBytes);
        Assert.True(h.IsUnregistered);
        Assert.Equal(Enumerable.Range(0, Length).Select(i => i + 5.0), data.AsSpan<double>().ToArray());
    }

    [Fact]
    public async Task Synchronize_waits_for_prefetches_whose_tasks_never_ran()
    {
        using var arrays = new HostArrays();
        var data = arrays.Add(Length, "data");
        var device = new FakeDeviceNode(0, copyDelay: TimeSpan.FromMilliseconds(300));
        using var release = new ManualResetEventSlim();
        using var cancel = new CancellationTokenSource();
        await using var runtime = new TaskRuntime(Options(device));
        var h = runtime.Register(data.Payload);
        runtime.Submit(TestRuntimes.Device("block", _ => release.Wait(TestRuntimes.Timeout)));

        // Placed behind the blocker, its input is prefetched at once; then it is cancelled before it starts.
        var skipped = runtime.Submit(TestRuntimes.Device("read", _ => { }), [new DataAccess(h, AccessMode.Read)], new TaskOptions { CancellationToken = cancel.Token });
        Assert.Equal(1, device.InFlight);
        await cancel.CancelAsync();
        release.Set();
        await Assert.ThrowsAsync<OperationCanceledException>(runtime.SynchronizeWithinTimeoutAsync);
        Assert.Equal(ScheduledTaskStatus.Canceled, skipped.Status);
        Assert.Equal(0, device.InFlight);
    }

    internal static RuntimeOptions Options(FakeDeviceNode device) =>
        TestRuntimes.Options("dmda", 1, device) with { TransferModel = Calibrated(device) };

    private static TransferModel Calibrated(IMemoryNodeProvider device)
    {
        var model = new TransferModel();
        model.Set(new HostNodeProvider().Identity, device.Identity, new LinkCost(1e-5, 1e9));
        model.Set(device.Identity, new HostNodeProvider().Identity, new LinkCost(1e-5, 1e9));
        return model;
    }

    private static void Expect(TaskContext context, int index, Func<int, double> value)
    {
        var x = Kernels.Doubles(context, index);
        for (int i = 0; i < x.Length; i++)
        {
            if (x[i] != value(i))
            {
                throw new InvalidOperationException($"element {i} is {x[i]}, expected {value(i)}");
            }
        }
    }

    private static void Add(TaskContext context, int index, double amount)
    {
        var x = Kernels.Doubles(context, index);
        for (int i = 0; i < x.Length; i++)
        {
            x[i] += amount;
        }
    }
}
