using Oompa.Scheduler.Data;
using Oompa.Scheduler.Tasks;
using Oompa.Scheduler.Tests.Support;
using Oompa.Scheduler.Workers;

namespace Oompa.Scheduler.Tests.Runtime;

/// <summary>Failures fault dependants with the original exception; cancellation drains; nothing deadlocks.</summary>
public class FailureTests
{
    [Theory]
    [InlineData("eager")]
    [InlineData("ws")]
    [InlineData("dmda")]
    public async Task A_failure_faults_its_dependants_and_surfaces_the_original_exception(string policy)
    {
        using var arrays = new HostArrays();
        var a = arrays.Add(4, "a");
        var b = arrays.Add(4, "b");
        await using var runtime = new TaskRuntime(TestRuntimes.Options(policy, 2, new FakeDeviceNode(0)));
        var ha = runtime.Register(a.Payload);
        var hb = runtime.Register(b.Payload);
        var boom = new InvalidDataException("boom");
        bool dependantRan = false;
        var failing = runtime.Submit(TestRuntimes.Both("fail", _ => throw boom), new DataAccess(ha, AccessMode.Write));
        var dependant = runtime.Submit(TestRuntimes.Both("after", _ => dependantRan = true), new DataAccess(ha, AccessMode.Read));
        var transitive = runtime.Submit(TestRuntimes.Cpu("later", _ => dependantRan = true), [], new TaskOptions { DependsOn = [dependant] });
        var independent = runtime.Submit(TestRuntimes.Both("other", c => Kernels.Doubles(c, 0).Fill(3)), new DataAccess(hb, AccessMode.Write));

        var thrown = await Assert.ThrowsAsync<InvalidDataException>(() => runtime.SynchronizeWithinTimeoutAsync());
        Assert.Same(boom, thrown);
        Assert.Same(boom, await Assert.ThrowsAsync<InvalidDataException>(() => dependant.Completion));
        Assert.Equal(ScheduledTaskStatus.Faulted, failing.Status);
        Assert.Equal(ScheduledTaskStatus.Faulted, transitive.Status);
        Assert.Same(boom, transitive.Exception);
        Assert.False(dependantRan);
        Assert.Equal(ScheduledTaskStatus.Completed, independent.Status);
        Assert.All(b.AsSpan<double>().ToArray(), v => Assert.Equal(3, v));

        // The failure was reported: the runtime goes on.
        runtime.Submit(TestRuntimes.Cpu("again", c => Kernels.Doubles(c, 0).Fill(9)), new DataAccess(ha, AccessMode.Write));
        await runtime.SynchronizeWithinTimeoutAsync();
        Assert.All(a.AsSpan<double>().ToArray(), v => Assert.Equal(9, v));
    }

    [Fact]
    public async Task Independent_failures_surface_together()
    {
        await using var runtime = new TaskRuntime(TestRuntimes.Options("eager", 2));
        runtime.Submit(TestRuntimes.Cpu("one", _ => throw new InvalidOperationException("one")));
        runtime.Submit(TestRuntimes.Cpu("two", _ => throw new InvalidOperationException("two")));
        var error = await Assert.ThrowsAsync<AggregateException>(() => runtime.SynchronizeWithinTimeoutAsync());
        Assert.Equal(["one", "two"], error.InnerExceptions.Select(e => e.Message).Order());
    }

    [Fact]
    public async Task Cancellation_stops_submission_cancels_waiting_tasks_and_drains()
    {
        using var cancel = new CancellationTokenSource();
        using var started = new ManualResetEventSlim();
        using var release = new ManualResetEventSlim();
        using var arrays = new HostArrays();
        var a = arrays.Add(4, "a");
        await using var runtime = new TaskRuntime(TestRuntimes.Options("dmda", 1) with { CancellationToken = cancel.Token });
        var h = runtime.Register(a.Payload);
        var running = runtime.Submit(TestRuntimes.Cpu("block", _ => { started.Set(); release.Wait(TestRuntimes.Timeout); }), new DataAccess(h, AccessMode.ReadWrite));
        var waiting = Enumerable.Range(0, 20).Select(_ => runtime.Submit(TestRuntimes.Cpu("after", c => Kernels.Doubles(c, 0).Fill(1)), new DataAccess(h, AccessMode.ReadWrite))).ToList();
        var free = Enumerable.Range(0, 20).Select(_ => runtime.Submit(TestRuntimes.Cpu("free", _ => { }))).ToList();
        Assert.True(started.Wait(TestRuntimes.Timeout));

        await cancel.CancelAsync();
        Assert.Throws<OperationCanceledException>(() => runtime.Submit(TestRuntimes.Cpu("late", _ => { })));
        release.Set();
        await Assert.ThrowsAsync<OperationCanceledException>(() => runtime.SynchronizeWithinTimeoutAsync());
        Assert.Equal(ScheduledTaskStatus.Completed, running.Status);
        Assert.All(waiting, t => Assert.Equal(ScheduledTaskStatus.Canceled, t.Status));
        Assert.All(free, t => Assert.Equal(ScheduledTaskStatus.Canceled, t.Status));
        Assert.All(a.AsSpan<double>().ToArray(), v => Assert.Equal(0, v));
    }

    [Fact]
    public async Task A_task_cancelled_before_it_starts_cancels_its_dependants()
    {
        using var cancel = new CancellationTokenSource();
        using var release = new ManualResetEventSlim();
        await using var runtime = new TaskRuntime(TestRuntimes.Options("eager", 1));
        var blocker = runtime.Submit(TestRuntimes.Cpu("block", _ => release.Wait(TestRuntimes.Timeout)));
        var cancelled = runtime.Submit(TestRuntimes.Cpu("x", _ => { }), [], new TaskOptions { CancellationToken = cancel.Token, DependsOn = [blocker] });
        var dependant = runtime.Submit(TestRuntimes.Cpu("y", _ => { }), [], new TaskOptions { DependsOn = [cancelled] });
        await cancel.CancelAsync();
        release.Set();
        await Assert.ThrowsAsync<OperationCanceledException>(() => runtime.SynchronizeWithinTimeoutAsync());
        Assert.Equal(ScheduledTaskStatus.Canceled, cancelled.Status);
        Assert.Equal(ScheduledTaskStatus.Canceled, dependant.Status);
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => dependant.Completion);
    }

    [Fact]
    public async Task A_codelet_no_worker_can_run_is_refused_at_submission()
    {
        await using var runtime = new TaskRuntime(TestRuntimes.Options("dmda", 1));
        var error = Assert.Throws<ArgumentException>(() => runtime.Submit(TestRuntimes.Device("gpu only", _ => { })));
        Assert.Contains("No worker can run codelet 'gpu only'", error.Message, StringComparison.Ordinal);
        Assert.Contains("cpu0 (Cpu)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Data_larger_than_the_device_memory_fails_the_task_instead_of_waiting_forever()
    {
        using var arrays = new HostArrays();
        var big = arrays.Add(64, "big");
        var device = new FakeDeviceNode(0, memoryLimit: 64);
        await using var runtime = new TaskRuntime(CoherencyTests.Options(device));
        var h = runtime.Register(big.Payload);
        runtime.Submit(TestRuntimes.Device("use", _ => { }), new DataAccess(h, AccessMode.Read));
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => runtime.SynchronizeWithinTimeoutAsync());
        Assert.Contains("device0", error.Message, StringComparison.Ordinal);
        Assert.Contains("limit is 64 bytes", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Dispose_waits_for_submitted_tasks_and_brings_data_home()
    {
        using var arrays = new HostArrays();
        var a = arrays.Add(4, "a");
        var device = new FakeDeviceNode(0);
        var runtime = new TaskRuntime(CoherencyTests.Options(device));
        var h = runtime.Register(a.Payload);
        for (int i = 0; i < 50; i++)
        {
            runtime.Submit(TestRuntimes.Both("inc", c => Kernels.Doubles(c, 0)[0] += 1), new DataAccess(h, AccessMode.ReadWrite));
        }

        await Task.Run(runtime.Dispose).WaitAsync(TestRuntimes.Timeout);
        Assert.Equal(50, a.AsSpan<double>()[0]);
        Assert.Equal(0, device.LiveBytes);
        Assert.Throws<ObjectDisposedException>(() => runtime.Submit(TestRuntimes.Cpu("late", _ => { })));
    }

    [Fact]
    public void Bad_options_are_refused_with_reasons()
    {
        var missingNode = Assert.Throws<ArgumentException>(() => new TaskRuntime(TestRuntimes.Options("dmda", 1) with { Workers = [new FakeDeviceWorker(0)] }));
        Assert.Contains("no memory-node provider serves it", missingNode.Message, StringComparison.Ordinal);
        var duplicate = Assert.Throws<ArgumentException>(() => new TaskRuntime(TestRuntimes.Options("dmda", 1) with { Workers = [new CpuWorker("w"), new CpuWorker("w")] }));
        Assert.Contains("Two workers are named 'w'", duplicate.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => new TaskRuntime(TestRuntimes.Options("dmda", 1) with { Workers = [] }));
    }
}
