using Oompa.Core.Devices;
using Oompa.Scheduler.Models;
using Oompa.Scheduler.Nodes;
using Oompa.Scheduler.Tasks;
using Oompa.Scheduler.Workers;

namespace Oompa.Scheduler.Tests.Support;

/// <summary>Runtime set-ups for tests: small calibrations, no persistence, a timeout for every wait.</summary>
internal static class TestRuntimes
{
    /// <summary>Every wait in a test ends by then: a deadlock fails instead of hanging.</summary>
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    public static TransferCalibrationOptions QuickCalibration { get; } = new(BandwidthBytes: 64 << 10, BandwidthIterations: 2, LatencyBytes: 8, LatencyIterations: 2);

    public static ModelOptions QuickModels { get; } = new() { MinimumSamples = 3, Window = 8 };

    /// <summary>CPU workers, plus one fake device worker on <paramref name="device"/> when given.</summary>
    public static RuntimeOptions Options(string policy, int cpus = 2, FakeDeviceNode? device = null, bool trace = false) => new()
    {
        Workers = device is null ? CpuWorker.Split(cpus) : [.. CpuWorker.Split(cpus), new FakeDeviceWorker(0)],
        Nodes = device is null ? [] : [device],
        Policy = policy,
        PersistModels = false,
        Calibration = QuickCalibration,
        Models = QuickModels,
        Trace = trace,
    };

    /// <summary>Runs blocking test code on another thread and fails when it takes longer than <see cref="Timeout"/>.</summary>
    public static void WithinTimeout(Action body) => Task.Run(body).WaitAsync(Timeout).GetAwaiter().GetResult();

    /// <summary>Synchronises with a timeout.</summary>
    public static async Task SynchronizeWithinTimeoutAsync(this TaskRuntime runtime)
    {
        try
        {
            await runtime.SynchronizeAsync().WaitAsync(Timeout).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            throw Stuck(runtime);
        }
    }

    /// <summary>
    /// Synchronises with a timeout from synchronous test code. No await: a continuation posted to xUnit's
    /// synchronisation context could wait for the very thread this call blocks.
    /// </summary>
    public static void SynchronizeWithinTimeout(this TaskRuntime runtime)
    {
        try
        {
            runtime.SynchronizeAsync().WaitAsync(Timeout).GetAwaiter().GetResult();
        }
        catch (TimeoutException)
        {
            throw Stuck(runtime);
        }
    }

    private static TimeoutException Stuck(TaskRuntime runtime)
    {
        string state = runtime.DescribeState();
        File.WriteAllText(Path.Combine(Path.GetTempPath(), $"oompa-sched-hang-{Guid.NewGuid():N}.txt"), state);
        return new TimeoutException($"Synchronize did not finish within {Timeout}:{Environment.NewLine}{state}");
    }

    /// <summary>A codelet with a CPU implementation and a fake-device implementation running the same kernel.</summary>
    public static Codelet Both(string name, Action<TaskContext> kernel) => new(
        name,
        new TaskImplementation("cpu", DeviceKind.Cpu, kernel),
        new TaskImplementation("fake", DeviceKind.Accelerator, kernel));

    /// <summary>A CPU-only codelet.</summary>
    public static Codelet Cpu(string name, Action<TaskContext> kernel) => new(name, new TaskImplementation("cpu", DeviceKind.Cpu, kernel));

    /// <summary>A device-only codelet.</summary>
    public static Codelet Device(string name, Action<TaskContext> kernel) => new(name, new TaskImplementation("fake", DeviceKind.Accelerator, kernel));
}
