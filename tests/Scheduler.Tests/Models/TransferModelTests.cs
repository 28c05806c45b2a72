using Oompa.Core.Data;
using Oompa.Core.Memory;
using Oompa.Scheduler.Data;
using Oompa.Scheduler.Models;
using Oompa.Scheduler.Nodes;
using Oompa.Scheduler.Tests.Support;

namespace Oompa.Scheduler.Tests.Models;

public class TransferModelTests
{
    [Fact]
    public void Links_are_calibrated_once_through_the_provider_copies()
    {
        var host = new HostNodeProvider();
        var device = new FakeDeviceNode(0, copyDelay: TimeSpan.FromMilliseconds(1));
        var model = new TransferModel();
        Assert.True(model.EnsureCalibrated(host, device, TestRuntimes.QuickCalibration));
        long copies = device.Copies;
        Assert.True(copies > 0);
        Assert.False(model.EnsureCalibrated(host, device, TestRuntimes.QuickCalibration));
        Assert.Equal(copies, device.Copies);
        foreach (var cost in new[] { model.Get(host.Identity, device.Identity)!.Value, model.Get(device.Identity, host.Identity)!.Value })
        {
            Assert.True(cost.LatencySeconds > 0 && double.IsFinite(cost.LatencySeconds));
            Assert.True(cost.BytesPerSecond > 0 && double.IsFinite(cost.BytesPerSecond));
        }
    }

    [Fact]
    public void A_provider_can_declare_its_own_calibration()
    {
        var declared = new LinkCalibration(new LinkCost(5e-6, 12e9), new LinkCost(6e-6, 11e9));
        var device = new DeclaringNode(new FakeDeviceNode(0), declared);
        var model = new TransferModel();
        model.EnsureCalibrated(new HostNodeProvider(), device);
        Assert.Equal(declared.HostToNode, model.Get(new HostNodeProvider().Identity, device.Identity));
        Assert.Equal(declared.NodeToHost, model.Get(device.Identity, new HostNodeProvider().Identity));
        Assert.Equal(0, ((FakeDeviceNode)device.Inner).Copies);
        Assert.Equal(5e-6 + (12e9 / 12e9), declared.HostToNode.Seconds(12_000_000_000));
    }

    [Fact]
    public void Transfer_models_persist_and_read_back()
    {
        string directory = PerformanceModelTests.TempDirectory();
        try
        {
            var model = new TransferModel();
            model.Set("host|x", "gpu|y", new LinkCost(1e-5, 1.2e10));
            model.Set("gpu|y", "host|x", new LinkCost(2e-5, 1.1e10));
            string path = ModelFiles.TransferPath(directory, "node-a");
            model.Save(path);
            Assert.Equal(model.Links, TransferModel.Load(path).Links);
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    [Fact]
    public async Task A_runtime_saves_its_models_and_the_next_one_starts_calibrated()
    {
        string directory = PerformanceModelTests.TempDirectory();
        try
        {
            using var arrays = new HostArrays();
            var data = arrays.Add(8, "x");
            var work = TestRuntimes.Both("work", c => Kernels.Doubles(c, 0)[0] += 1);
            var first = new FakeDeviceNode(0);
            var options = TestRuntimes.Options("dmda", 1, first) with { PersistModels = true, ModelDirectory = directory };
            await using (var runtime = new TaskRuntime(options))
            {
                Assert.True(first.Copies > 0, "the first runtime measures the link");
                var h = runtime.Register(data.Payload);
                for (int i = 0; i < 20; i++)
                {
                    runtime.Submit(work, new DataAccess(h, AccessMode.ReadWrite));
                }

                await runtime.SynchronizeWithinTimeoutAsync();
            }

            Assert.True(File.Exists(ModelFiles.PerformancePath(directory)));
            Assert.True(File.Exists(ModelFiles.TransferPath(directory)));
            var second = new FakeDeviceNode(0);
            await using (var runtime = new TaskRuntime(options with { Nodes = [second], Workers = [.. Workers.CpuWorker.Split(1), new FakeDeviceWorker(0)] }))
            {
                Assert.Equal(0, second.Copies);
                Assert.Contains(runtime.PerformanceModel.Entries, e => e.Codelet == "work" && e.Total > 0);
            }
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    /// <summary>A node whose provider reports its link costs itself (the calibration hook).</summary>
    private sealed class DeclaringNode(IMemoryNodeProvider inner, LinkCalibration declared) : IMemoryNodeProvider
    {
        public IMemoryNodeProvider Inner => inner;

        public MemoryNode Node => inner.Node;

        public string Identity => "declaring-" + inner.Identity;

        public long MemoryLimit => inner.MemoryLimit;

        public MemoryBlock Allocate(long bytes) => inner.Allocate(bytes);

        public Task CopyAsync(PhysicalDescriptor source, PhysicalDescriptor destination, long bytes, CancellationToken cancellationToken = default) =>
            inner.CopyAsync(source, destination, bytes, cancellationToken);

        public LinkCalibration? Calibrate(TransferCalibrationOptions options) => declared;
    }
}
