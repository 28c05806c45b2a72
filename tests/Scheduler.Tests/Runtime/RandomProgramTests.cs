using FsCheck;
using FsCheck.Fluent;
using Oompa.Core.Data;
using Oompa.Scheduler.Data;
using Oompa.Scheduler.Models;
using Oompa.Scheduler.Policies;
using Oompa.Scheduler.Tasks;
using Oompa.Scheduler.Tests.Support;

namespace Oompa.Scheduler.Tests.Runtime;

/// <summary>
/// Random task graphs with random access modes, run for real on two CPU workers and a fake device (separate memory,
/// copies on the thread pool, sometimes a memory limit that forces eviction) under every policy, give exactly the
/// arrays that sequential execution gives.
/// </summary>
public class RandomProgramTests
{
    private static readonly TransferModel Calibrated = CalibratedModel();

    public static TheoryData<string> Policies() => [.. SchedulingPolicies.Names];

    [Theory]
    [MemberData(nameof(Policies))]
    public void Random_programs_match_sequential_execution(string policy)
    {
        RandomProgram.AssertMatchesSequential((program, limit) =>
            Run(program, policy, limit == 0 ? long.MaxValue : (3 + limit) * program.Length * sizeof(double), program.Seed % 3 == 0 ? TimeSpan.FromMilliseconds(1) : TimeSpan.Zero));
    }

    [Fact]
    public void A_long_program_with_tight_device_memory_matches_sequential_execution()
    {
        var program = RandomProgram.Create(seed: 42, arrays: 8, steps: 200);
        var actual = Run(program, "dmdar", 4 * program.Length * sizeof(double), TimeSpan.Zero, summary =>
        {
            Assert.Contains(summary.Workers, w => w.Name == "fake0" && w.Tasks > 0);
            Assert.Contains(summary.Workers, w => w.Name.StartsWith("cpu", StringComparison.Ordinal) && w.Tasks > 0);
            Assert.Contains(summary.Links, l => l.From == "host" && l.To == "device0" && l.Copies > 0);
        });
        Assert.Equal(program.RunSequentially(), actual);
    }

    internal static double[][] Run(RandomProgram program, string policy, long deviceLimit, TimeSpan copyDelay, Action<Oompa.Scheduler.Tracing.RuntimeSummary>? check = null)
    {
        using var arrays = new HostArrays();
        var device = new FakeDeviceNode(0, deviceLimit, copyDelay);
        var owned = Enumerable.Range(0, program.Arrays).Select(a => arrays.Add(program.Length, $"a{a}", i => RandomProgram.Initial(a, i))).ToArray();
        var runtime = new TaskRuntime(TestRuntimes.Options(policy, 2, device) with { TransferModel = Calibrated });
        int stage = 0;
        var work = Task.Run(() =>
        {
            var handles = owned.Select(o => runtime.Register(o.Payload)).ToArray();
            var scratch = runtime.RegisterScratch(Payload<LogicalDescriptor>.Describe(new LogicalDescriptor(new Size(program.Length)), DataType.Float64, "scratch"));
            foreach (var step in program.Steps)
            {
                var accesses = step.Uses.Select(u => new DataAccess(handles[u.Array], u.Mode)).ToList();
                if (step.Scratch)
                {
                    accesses.Add(new DataAccess(scratch, AccessMode.Scratch));
                }

                runtime.Submit(TestRuntimes.Both("step", step.Run), accesses, new TaskOptions { Priority = step.Priority });
            }

            stage = 1;
            runtime.Synchronize();
            stage = 2;
            check?.Invoke(runtime.Summary());
            runtime.Dispose();
            stage = 3;
        });

        // The whole run, submission and shut-down included, is watched: a stuck runtime fails the test with its state.
        if (!work.Wait(TestRuntimes.Timeout))
        {
            string state = runtime.DescribeState();
            File.WriteAllText(Path.Combine(Path.GetTempPath(), $"oompa-sched-hang-{Guid.NewGuid():N}.txt"), $"stage {stage}{Environment.NewLine}{state}");
            throw new TimeoutException($"The run did not finish within {TestRuntimes.Timeout} (stage {stage}: 0 submit, 1 synchronize, 2 dispose):{Environment.NewLine}{state}");
        }

        work.GetAwaiter().GetResult();
        Assert.True(device.PeakBytes <= deviceLimit, $"device peak {device.PeakBytes} > limit {deviceLimit}");
        Assert.Equal(0, device.LiveBytes);
        return [.. owned.Select(o => o.AsSpan<double>().ToArray())];
    }

    private static TransferModel CalibratedModel()
    {
        var model = new TransferModel();
        model.EnsureCalibrated(new Nodes.HostNodeProvider(), new FakeDeviceNode(0), TestRuntimes.QuickCalibration);
        return model;
    }
}
