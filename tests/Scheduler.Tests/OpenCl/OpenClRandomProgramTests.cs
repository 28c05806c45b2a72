using FsCheck;
using FsCheck.Fluent;
using Oompa.Core.Data;
using Oompa.Scheduler.Data;
using Oompa.Scheduler.Policies;
using Oompa.Scheduler.Tasks;
using Oompa.Scheduler.Tests.Support;
using Oompa.Scheduler.Tests.Support.OpenCl;

namespace Oompa.Scheduler.Tests.OpenCl;

/// <summary>
/// Random task graphs with random access modes on two CPU workers and a real OpenCL worker (its steps are OpenCL
/// kernels on device buffers; sometimes a device memory limit that forces eviction) under every policy give exactly
/// the arrays that sequential execution gives, and leave no device buffer or event behind.
/// </summary>
public sealed class OpenClRandomProgramTests(OpenClTestDevice fixture) : IClassFixture<OpenClTestDevice>
{
    public static TheoryData<string> Policies() => [.. SchedulingPolicies.Names];

    [OpenClTheory]
    [MemberData(nameof(Policies))]
    public void Random_programs_on_cpu_and_opencl_workers_match_sequential_execution(string policy)
    {
        RandomProgram.AssertMatchesSequential((program, limit) =>
            Run(program, policy, limit == 0 ? null : (3 + limit) * program.Length * sizeof(double)));
    }

    [OpenClFact]
    public void A_long_program_with_tight_device_memory_uses_both_kinds_of_worker()
    {
        var program = RandomProgram.Create(seed: 42, arrays: 8, steps: 200);
        var actual = Run(program, "dmdar", 4 * program.Length * sizeof(double), summary =>
        {
            Assert.Contains(summary.Workers, w => w.Name == "opencl0" && w.Tasks > 0);
            Assert.Contains(summary.Workers, w => w.Name.StartsWith("cpu", StringComparison.Ordinal) && w.Tasks > 0);
            Assert.Contains(summary.Links, l => l.From == "host" && l.To == "device0" && l.Copies > 0);
        });
        Assert.Equal(program.RunSequentially(), actual);
    }

    private double[][] Run(RandomProgram program, string policy, long? deviceLimit, Action<Oompa.Scheduler.Tracing.RuntimeSummary>? check = null)
    {
        var kernels = fixture.Kernels;
        using var arrays = new HostArrays();
        var owned = Enumerable.Range(0, program.Arrays).Select(a => arrays.Add(program.Length, $"a{a}", i => RandomProgram.Initial(a, i))).ToArray();
        TestRuntimes.WithinTimeout(() =>
        {
            using var runtime = new TaskRuntime(OpenClRuntimes.Options(fixture.Device, policy, cpus: 2, deviceLimit));
            var handles = owned.Select(o => runtime.Register(o.Payload)).ToArray();
            var scratch = runtime.RegisterScratch(Payload<LogicalDescriptor>.Describe(new LogicalDescriptor(new Size(program.Length)), DataType.Float64, "scratch"));
            foreach (var step in program.Steps)
            {
                var accesses = step.Uses.Select(u => new DataAccess(handles[u.Array], u.Mode)).ToList();
                if (step.Scratch)
                {
                    accesses.Add(new DataAccess(scratch, AccessMode.Scratch));
                }

                runtime.Submit(OpenClRuntimes.Both("step", step.Run, c => kernels.Step(step, c)), accesses, new TaskOptions { Priority = step.Priority });
            }

            runtime.SynchronizeWithinTimeout();
            if (deviceLimit is { } limit)
            {
                Assert.True(runtime.MemoryUse(Core.Data.MemoryNode.Device(0)).Peak <= limit);
            }

            check?.Invoke(runtime.Summary());
        });
        fixture.AssertReleased();
        return [.. owned.Select(o => o.AsSpan<double>().ToArray())];
    }
}
