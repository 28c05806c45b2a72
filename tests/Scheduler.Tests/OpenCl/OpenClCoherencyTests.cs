using Oompa.Core.Data;
using Oompa.Scheduler.Data;
using Oompa.Scheduler.Tasks;
using Oompa.Scheduler.Tests.Support;
using Oompa.Scheduler.Tests.Support.OpenCl;

namespace Oompa.Scheduler.Tests.OpenCl;

/// <summary>
/// MSI replicas across the host and a real OpenCL memory node (pocl in CI): replication, invalidation, LRU eviction
/// under a small limit, write-back of the last valid copy, data home after Synchronize; every device buffer and event
/// released at the end.
/// </summary>
public sealed class OpenClCoherencyTests(OpenClTestDevice fixture) : IClassFixture<OpenClTestDevice>
{
    private const int Length = 16;
    private const long Bytes = Length * sizeof(double);
    private static readonly MemoryNode Gpu = MemoryNode.Device(0);

    [OpenClFact]
    public async Task Reads_replicate_writes_invalidate_and_synchronize_hands_the_data_back()
    {
        using var arrays = new HostArrays();
        var data = arrays.Add(Length, "data", i => i);
        var k = fixture.Kernels;
        await using (var runtime = new TaskRuntime(OpenClRuntimes.Options(fixture.Device)))
        {
            var h = runtime.Register(data.Payload);
            var host = MemoryNode.Host;

            await Run(runtime, OpenClRuntimes.Device("check", c => Expect(k.Read(c, 0), i => i)), new DataAccess(h, AccessMode.Read));
            Assert.Equal((ReplicaState.Shared, ReplicaState.Shared), (runtime.StateOf(h, host), runtime.StateOf(h, Gpu)));

            await Run(runtime, OpenClRuntimes.Device("add", c => k.Add(c, 0, 1)), new DataAccess(h, AccessMode.ReadWrite));
            Assert.Equal((ReplicaState.Invalid, ReplicaState.Modified), (runtime.StateOf(h, host), runtime.StateOf(h, Gpu)));

            await Run(runtime, TestRuntimes.Cpu("check", c => Expect(c.Span<double>(0).ToArray(), i => i + 1)), new DataAccess(h, AccessMode.Read));
            Assert.Equal((ReplicaState.Shared, ReplicaState.Shared), (runtime.StateOf(h, host), runtime.StateOf(h, Gpu)));

            await Run(runtime, OpenClRuntimes.Device("add", c => k.Add(c, 0, 1)), new DataAccess(h, AccessMode.ReadWrite));
            await runtime.SynchronizeWithinTimeoutAsync();
            Assert.Equal((ReplicaState.Modified, ReplicaState.Invalid), (runtime.StateOf(h, host), runtime.StateOf(h, Gpu)));
            Assert.Equal(Enumerable.Range(0, Length).Select(i => i + 2.0), data.AsSpan<double>().ToArray());
            // In once (the device replica stayed valid through the CPU read), out twice (the CPU read, Synchronize).
            var links = runtime.Summary().Links;
            Assert.Contains(links, l => l.From == "host" && l.To == "device0" && l.Bytes == Bytes);
            Assert.Contains(links, l => l.From == "device0" && l.To == "host" && l.Bytes == 2 * Bytes);
        }

        fixture.AssertReleased();
    }

    [OpenClFact]
    public async Task Valid_replicas_are_not_copied_again_and_host_changes_after_synchronize_are_seen()
    {
        using var arrays = new HostArrays();
        var data = arrays.Add(Length, "data", i => i);
        var k = fixture.Kernels;
        await using (var runtime = new TaskRuntime(OpenClRuntimes.Options(fixture.Device)))
        {
            var node = OpenClRuntimes.Node(runtime);
            var h = runtime.Register(data.Payload);
            for (int t = 0; t < 3; t++)
            {
                runtime.Submit(OpenClRuntimes.Device("check", c => Expect(k.Read(c, 0), i => i)), new DataAccess(h, AccessMode.Read));
            }

            await runtime.SynchronizeWithinTimeoutAsync();
            Assert.Equal(1, node.Copies);

            data.AsSpan<double>().Fill(7);
            runtime.Submit(OpenClRuntimes.Device("check", c => Expect(k.Read(c, 0), _ => 7)), new DataAccess(h, AccessMode.Read));
            await runtime.SynchronizeWithinTimeoutAsync();
            Assert.Equal(2, node.Copies);
            Assert.Equal(0, node.CopiesInFlight);
        }

        fixture.AssertReleased();
    }

    [OpenClFact]
    public async Task Clean_replicas_are_evicted_least_recently_used_first_within_the_memory_limit()
    {
        using var arrays = new HostArrays();
        var owned = Enumerable.Range(0, 5).Select(a => arrays.Add(Length, $"a{a}", i => (a * 100) + i)).ToArray();
        var k = fixture.Kernels;
        await using (var runtime = new TaskRuntime(OpenClRuntimes.Options(fixture.Device, memoryLimit: 2 * Bytes)))
        {
            var node = OpenClRuntimes.Node(runtime);
            Assert.Equal(2 * Bytes, node.MemoryLimit);
            var handles = owned.Select(o => runtime.Register(o.Payload)).ToArray();
            for (int round = 0; round < 2; round++)
            {
                for (int a = 0; a < handles.Length; a++)
                {
                    int n = a;
                    await Run(runtime, OpenClRuntimes.Device("check", c => Expect(k.Read(c, 0), i => (n * 100) + i)), new DataAccess(handles[a], AccessMode.Read));
                    Assert.True(fixture.Device.Allocator.Statistics.LiveBytes <= 2 * Bytes);
                }
            }

            // Reading a4 evicted a2 (the least recently used of the two), a3 stays next to a4.
            Assert.Equal(ReplicaState.Shared, runtime.StateOf(handles[4], Gpu));
            Assert.Equal(ReplicaState.Shared, runtime.StateOf(handles[3], Gpu));
            Assert.Equal(ReplicaState.Invalid, runtime.StateOf(handles[2], Gpu));
            Assert.True(runtime.MemoryUse(Gpu).Peak <= 2 * Bytes);
            Assert.Equal(10, node.Copies);
        }

        fixture.AssertReleased();
    }

    [OpenClFact]
    public async Task The_last_valid_copy_is_written_back_before_its_buffer_is_reused()
    {
        using var arrays = new HostArrays();
        var owned = Enumerable.Range(0, 6).Select(a => arrays.Add(Length, $"a{a}")).ToArray();
        var k = fixture.Kernels;
        await using (var runtime = new TaskRuntime(OpenClRuntimes.Options(fixture.Device, memoryLimit: 2 * Bytes)))
        {
            var handles = owned.Select(o => runtime.Register(o.Payload)).ToArray();
            for (int a = 0; a < handles.Length; a++)
            {
                double value = a + 1;
                runtime.Submit(OpenClRuntimes.Device("fill", c => k.Fill(c, 0, value)), new DataAccess(handles[a], AccessMode.Write));
            }

            await runtime.SynchronizeWithinTimeoutAsync();
            for (int a = 0; a < owned.Length; a++)
            {
                Assert.All(owned[a].AsSpan<double>().ToArray(), v => Assert.Equal(a + 1, v));
            }

            Assert.True(runtime.MemoryUse(Gpu).Peak <= 2 * Bytes);
            Assert.Contains(runtime.Summary().Links, l => l.From == "device0" && l.To == "host" && l.Copies == 6);
        }

        fixture.AssertReleased();
    }

    [OpenClFact]
    public async Task Unregister_brings_the_data_home_and_frees_the_device_buffers()
    {
        using var arrays = new HostArrays();
        var data = arrays.Add(Length, "data", i => i);
        var k = fixture.Kernels;
        await using (var runtime = new TaskRuntime(OpenClRuntimes.Options(fixture.Device)))
        {
            var h = runtime.Register(data.Payload);
            runtime.Submit(OpenClRuntimes.Device("add", c => k.Add(c, 0, 5)), new DataAccess(h, AccessMode.ReadWrite));
            runtime.Unregister(h);
            Assert.Equal(0, fixture.Device.Allocator.Statistics.LiveBytes);
            Assert.True(h.IsUnregistered);
            Assert.Equal(Enumerable.Range(0, Length).Select(i => i + 5.0), data.AsSpan<double>().ToArray());
        }

        fixture.AssertReleased();
    }

    [OpenClFact]
    public async Task Scratch_buffers_on_the_device_are_private_and_freed()
    {
        var k = fixture.Kernels;
        await using (var runtime = new TaskRuntime(OpenClRuntimes.Options(fixture.Device, "eager", cpus: 2)))
        {
            var scratch = runtime.RegisterScratch(Payload<LogicalDescriptor>.Describe(new LogicalDescriptor(new Size(256)), DataType.Float64, "tmp"));
            for (int t = 0; t < 30; t++)
            {
                double id = t;
                runtime.Submit(
                    OpenClRuntimes.Both(
                        "scratch",
                        c =>
                        {
                            var s = c.Span<double>(0);
                            s.Fill(id);
                            Assert.All(s.ToArray(), v => Assert.Equal(id, v));
                        },
                        c =>
                        {
                            k.Fill(c, 0, id);
                            Assert.All(k.Read(c, 0), v => Assert.Equal(id, v));
                        }),
                    new DataAccess(scratch, AccessMode.Scratch));
            }

            await runtime.SynchronizeWithinTimeoutAsync();
        }

        fixture.AssertReleased();
    }

    internal static void Expect(double[] values, Func<int, double> expected)
    {
        for (int i = 0; i < values.Length; i++)
        {
            if (values[i] != expected(i))
            {
                throw new InvalidOperationException($"element {i} is {values[i]}, expected {expected(i)}");
            }
        }
    }

    private static Task Run(TaskRuntime runtime, Codelet codelet, DataAccess access) =>
        runtime.Submit(codelet, access).Completion.WaitAsync(TestRuntimes.Timeout);
}
