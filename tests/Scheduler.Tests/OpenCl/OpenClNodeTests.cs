using Oompa.Core.Data;
using Oompa.Core.Devices;
using Oompa.Core.Memory;
using Oompa.Scheduler.Nodes;
using Oompa.Scheduler.Nodes.OpenCl;
using Oompa.Scheduler.Tests.Support;
using Oompa.Scheduler.Tests.Support.OpenCl;
using Oompa.Scheduler.Workers;

namespace Oompa.Scheduler.Tests.OpenCl;

/// <summary>The OpenCL node and worker on their own: copies, calibration, limits, identity, options.</summary>
public sealed class OpenClNodeTests(OpenClTestDevice fixture) : IClassFixture<OpenClTestDevice>
{
    [OpenClFact]
    public async Task Copies_round_trip_concurrently_and_release_their_events()
    {
        var node = new OpenClNodeProvider(fixture.Device);
        const int Count = 32;
        const long Bytes = 4096 * sizeof(float);
        var sources = Enumerable.Range(0, Count).Select(_ => HostAllocator.Shared.Allocate(Bytes)).ToArray();
        var targets = Enumerable.Range(0, Count).Select(_ => HostAllocator.Shared.Allocate(Bytes)).ToArray();
        var buffers = Enumerable.Range(0, Count).Select(_ => node.Allocate(Bytes)).ToArray();
        try
        {
            for (int c = 0; c < Count; c++)
            {
                Span(sources[c]).Fill(c + 0.5f);
                Span(targets[c]).Clear();
            }

            await Task.WhenAll(Enumerable.Range(0, Count).Select(c => node.CopyAsync(sources[c].Describe(DataType.Float32), buffers[c].Describe(DataType.Float32), Bytes)))
                .WaitAsync(TestRuntimes.Timeout);
            await Task.WhenAll(Enumerable.Range(0, Count).Select(c => node.CopyAsync(buffers[c].Describe(DataType.Float32), targets[c].Describe(DataType.Float32), Bytes)))
                .WaitAsync(TestRuntimes.Timeout);
            for (int c = 0; c < Count; c++)
            {
                float expected = c + 0.5f;
                Assert.All(Span(targets[c]).ToArray(), v => Assert.Equal(expected, v));
            }

            Assert.Equal(2 * Count, node.Copies);
            Assert.Equal(0, node.CopiesInFlight);
            Assert.All(buffers, b => Assert.Equal(MemoryNode.Device(0), b.Describe(DataType.Float32).Node));
            Assert.All(buffers, b => Assert.IsType<Core.Devices.OpenCl.OpenClBuffer>(b.Handle));
        }
        finally
        {
            foreach (var b in sources.Concat(targets).Concat(buffers))
            {
                b.Dispose();
            }
        }

        fixture.AssertReleased();
    }

    [OpenClFact]
    public void Copies_refuse_pairs_that_are_not_host_and_this_device()
    {
        var node = new OpenClNodeProvider(fixture.Device);
        using var host = HostAllocator.Shared.Allocate(64);
        using var other = HostAllocator.Shared.Allocate(64);
        var error = Assert.Throws<ArgumentException>(() => { _ = node.CopyAsync(host.Describe(DataType.Byte), other.Describe(DataType.Byte), 64); });
        Assert.Contains("copies between the host and itself", error.Message, StringComparison.Ordinal);
        fixture.AssertReleased();
    }

    [OpenClFact]
    public void Calibration_comes_from_profiling_events_and_limits_and_identity_from_the_device()
    {
        var node = new OpenClNodeProvider(fixture.Device);
        var link = node.Calibrate(TestRuntimes.QuickCalibration);
        Assert.NotNull(link);
        foreach (var cost in new[] { link.HostToNode, link.NodeToHost })
        {
            Assert.True(cost.LatencySeconds is > 0 and < 1, $"{cost}");
            Assert.True(double.IsFinite(cost.BytesPerSecond) && cost.BytesPerSecond > 0, $"{cost}");
        }

        Assert.Equal(fixture.Device.Identity, node.Identity);
        Assert.Equal((long)(fixture.Device.Allocator.MemoryLimit * OpenClNodeProvider.DefaultMemoryShare), node.MemoryLimit);
        Assert.Equal(fixture.Device.Allocator.MemoryLimit, new OpenClNodeProvider(fixture.Device, long.MaxValue).MemoryLimit);
        Assert.Equal(0, node.Copies);
        fixture.AssertReleased();
    }

    [OpenClFact]
    public void WithOpenCl_adds_a_worker_and_a_node_per_device_next_to_the_cpu_workers()
    {
        var options = new RuntimeOptions { Workers = CpuWorker.Split(2) }.WithOpenCl([fixture.Device], memoryLimit: 1 << 20);
        Assert.Equal(["cpu0", "cpu1", "opencl0"], options.Workers!.Select(w => w.Name));
        var worker = Assert.IsType<OpenClWorker>(options.Workers![2]);
        Assert.Same(fixture.Device, worker.Device);
        Assert.Equal(DeviceKind.Accelerator, ((IWorker)worker).Device.Kind);
        Assert.Equal(fixture.Device.Identity, worker.Architecture);
        var node = Assert.IsType<OpenClNodeProvider>(Assert.Single(options.Nodes));
        Assert.Equal(1 << 20, node.MemoryLimit);

        // Without devices named: every device of the process (none where OpenCL is missing), CPU workers by default.
        var all = new RuntimeOptions().WithOpenCl();
        Assert.Equal(Core.Devices.OpenCl.OpenClDevices.All.Count, all.Nodes.Count);
        Assert.Equal(Environment.ProcessorCount + all.Nodes.Count, all.Workers!.Count);

        // A device already served is not added again (an auto backend adding the accelerators to options that
        // already name one of them).
        var twice = options.WithOpenCl([fixture.Device, fixture.Device]);
        Assert.Equal(["cpu0", "cpu1", "opencl0"], twice.Workers!.Select(w => w.Name));
        Assert.Single(twice.Nodes);
    }

    [OpenClFact]
    public void The_link_is_calibrated_at_start_up_and_kept_in_the_transfer_model()
    {
        using (var runtime = new TaskRuntime(OpenClRuntimes.Options(fixture.Device)))
        {
            var host = new HostNodeProvider().Identity;
            Assert.NotNull(runtime.TransferModel.Get(host, fixture.Device.Identity));
            Assert.NotNull(runtime.TransferModel.Get(fixture.Device.Identity, host));
        }

        fixture.AssertReleased();
    }

    private static unsafe Span<float> Span(MemoryBlock block) => new((void*)block.Pointer, checked((int)(block.Bytes / sizeof(float))));
}
