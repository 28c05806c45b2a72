using FsCheck;
using FsCheck.Fluent;
using Oompa.Core.Devices;
using Oompa.Scheduler.Data;
using Oompa.Scheduler.Policies;
using Oompa.Scheduler.Simulation;
using Oompa.Scheduler.Tasks;

namespace Oompa.Scheduler.Tests.Simulation;

public class SimulatorTests
{
    private static readonly Codelet Work = new("work", TaskImplementation.Simulated("cpu", DeviceKind.Cpu));

    /// <summary>
    /// The bound: max(critical path at the fastest implementations, total minimal work / workers). It is a
    /// meaningful bound on graphs with enough tasks per worker and identical workers; on heterogeneous workers its
    /// area term assumes every worker runs every task at the fastest speed (the benchmark reports the class bound there).
    /// </summary>
    [Fact]
    public void Dmda_makespan_is_within_a_quarter_of_the_lower_bound_on_random_graphs()
    {
        var cases =
            from seed in Gen.Choose(0, 1_000_000)
            from tasks in Gen.Choose(40, 200)
            from handles in Gen.Choose(4, 40)
            from cpus in Gen.Choose(2, 8)
            select (seed, tasks, handles, cpus);
        Prop.ForAll(Arb.From(cases), c =>
        {
            var simulation = SimulationScenarios.RandomDag(c.seed, c.tasks, c.handles, c.cpus, 0, "dmda");
            var bound = simulation.LowerBound();
            double makespan = simulation.Run().Makespan;
            Assert.True(makespan >= bound.Value * (1 - 1e-12), $"makespan {makespan} below the lower bound {bound}");
            Assert.True(makespan <= 1.25 * bound.Value, $"{c}: makespan {makespan:F4} > 1.25 x {bound.Value:F4} ({bound})");
        }).Check(Config.QuickThrowOnFailure.WithMaxTest(150));
    }

    /// <summary>
    /// On 22 CPUs + 2 GPUs the 1.25 bound does not hold (see docs/scheduler.md: the LP bound mixing the critical path
    /// with the class capacities is barely tighter than max(critical path, class area), and an offline search with full
    /// knowledge still reaches 1.36 on these graphs); this guards the measured quality of dmda with slack-aware
    /// placement on the benchmark's graphs (mean 1.127, worst 1.538, 85 % within 1.25; before it: 1.199, 1.697).
    /// </summary>
    [Fact]
    public void Dmda_on_22_cpus_and_2_gpus_keeps_its_measured_ratios_to_the_two_class_bound()
    {
        var random = new Random(2024);
        var ratios = new List<double>();
        for (int g = 0; g < 200; g++)
        {
            int tasks = 40 + random.Next(161);
            int handles = 4 + random.Next(37);
            var simulation = SimulationScenarios.RandomDag(g, tasks, handles, 22, 2, "dmda");
            var bound = simulation.LowerBound();
            double makespan = simulation.Run().Makespan;
            Assert.True(makespan >= bound.Tight * (1 - 1e-12), $"graph {g}: makespan {makespan} below the bound {bound}");
            ratios.Add(makespan / bound.Tight);
        }

        Assert.True(ratios.Average() <= 1.15, $"mean {ratios.Average():F3}");
        Assert.True(ratios.Max() <= 1.6, $"worst {ratios.Max():F3}");
        Assert.True(ratios.Count(r => r <= 1.25) >= 0.8 * ratios.Count, $"{ratios.Count(r => r <= 1.25)} of {ratios.Count} within 1.25");
    }

    [Theory]
    [InlineData("dm")]
    [InlineData("dmda")]
    [InlineData("dmdar")]
    public void Tasks_with_slack_leave_the_gpu_to_the_critical_chain(string policy)
    {
        // A chain of ten tasks, 10 ms each on a CPU and 1 ms on the GPU, and eight independent tasks, 4 ms on a CPU
        // and 2 ms on the GPU. Earliest-finish placement would queue some of the eight on the idle GPU (3 ms < 4 ms)
        // and delay the chain; with slack they belong on the CPUs, and the chain alone sets the makespan.
        var chain = new Codelet("chain", TaskImplementation.Simulated("cpu", DeviceKind.Cpu), TaskImplementation.Simulated("gpu", DeviceKind.Accelerator));
        var side = new Codelet("side", TaskImplementation.Simulated("cpu", DeviceKind.Cpu), TaskImplementation.Simulated("gpu", DeviceKind.Accelerator));
        SpeedFunction cpu = (codelet, _, _) => codelet == chain ? 10e-3 : 4e-3;
        SpeedFunction gpu = (codelet, _, _) => codelet == chain ? 1e-3 : 2e-3;
        var simulation = new Simulator(new SimulationOptions
        {
            Policy = policy,
            Workers = [.. Enumerable.Range(0, 4).Select(c => SimulatedWorker.Cpu($"cpu{c}", cpu)), SimulatedWorker.Gpu("gpu0", 0, gpu)],
        });
        var h = simulation.Register("h", 8);
        for (int k = 0; k < 10; k++)
        {
            simulation.Submit(chain, new DataAccess(h, AccessMode.ReadWrite));
            if (k < 8)
            {
                simulation.Submit(side, []);
            }
        }

        var result = simulation.Run();
        Assert.Equal(10e-3, result.Makespan, 9);
        Assert.All(result.Tasks.Where(t => t.Codelet == side), t => Assert.StartsWith("cpu", t.WorkerName, StringComparison.Ordinal));
        Assert.All(result.Tasks.Where(t => t.Codelet == chain), t => Assert.Equal("gpu0", t.WorkerName));
    }

    [Theory]
    [MemberData(nameof(Policies))]
    public void Every_policy_finishes_heterogeneous_random_graphs_above_their_bounds(string policy)
    {
        for (int seed = 0; seed < 8; seed++)
        {
            var simulation = SimulationScenarios.RandomDag(seed, 60, 12, cpus: 3, gpus: 2, policy);
            var bound = simulation.LowerBound();
            var result = simulation.Run();
            Assert.All(result.Tasks, t => Assert.Equal(ScheduledTaskStatus.Completed, t.Status));
            Assert.True(result.Makespan >= bound.Tight * (1 - 1e-12));
            Assert.True(bound.Tight >= bound.Value);
        }
    }

    [Theory]
    [MemberData(nameof(Policies))]
    public void Simulations_are_deterministic(string policy)
    {
        static string Schedule(string policy)
        {
            var result = SimulationScenarios.RandomDag(7, 120, 20, cpus: 4, gpus: 2, policy, learnModels: true).Run();
            return string.Join(";", result.Tasks.Select(t => $"{t.Id}@{t.WorkerName}:{t.StartTime:R}-{t.EndTime:R}"));
        }

        Assert.Equal(Schedule(policy), Schedule(policy));
    }

    [Theory]
    [InlineData("dm")]
    [InlineData("dmda")]
    [InlineData("dmdar")]
    public void FlexAlign_on_22_cores_finishes_sooner_with_two_gpus_than_with_one(string policy)
    {
        var one = SimulationScenarios.FlexAlign(40, cpus: 22, gpus: 1, policy).Run();
        var two = SimulationScenarios.FlexAlign(40, cpus: 22, gpus: 2, policy).Run();
        var none = SimulationScenarios.FlexAlign(40, cpus: 22, gpus: 0, policy).Run();
        Assert.Equal(40 + 40 + (40 * 39 / 2) + 1, two.Tasks.Count);
        Assert.True(two.Makespan < one.Makespan, $"two GPUs {two.Makespan:F3} s, one GPU {one.Makespan:F3} s");
        Assert.True(one.Makespan < none.Makespan);
        Assert.True(two.Tasks.Count(t => t.WorkerName == "gpu1") > 0);
    }

    [Fact]
    public void Lower_bounds_of_simple_graphs()
    {
        var simulation = new Simulator(new SimulationOptions { Workers = [SimulatedWorker.Cpu("a", (_, _, size) => size), SimulatedWorker.Cpu("b", (_, _, size) => size)] });
        var h = simulation.Register("h", 8);
        simulation.Submit(Work, [new DataAccess(h, AccessMode.ReadWrite)], new TaskOptions { Size = 3 });
        simulation.Submit(Work, [new DataAccess(h, AccessMode.ReadWrite)], new TaskOptions { Size = 4 });
        simulation.Submit(Work, [], new TaskOptions { Size = 5 });
        var bound = simulation.LowerBound();
        Assert.Equal(7, bound.CriticalPath);
        Assert.Equal(6, bound.Area);
        Assert.Equal(7, bound.Value);
        Assert.Equal(7, simulation.Run().Makespan);
    }

    [Fact]
    public void The_two_class_bound_splits_work_between_cpus_and_gpus()
    {
        var gpuTwiceAsFast = new Codelet("k", TaskImplementation.Simulated("cpu", DeviceKind.Cpu), TaskImplementation.Simulated("gpu", DeviceKind.Accelerator));
        var simulation = new Simulator(new SimulationOptions { Workers = [SimulatedWorker.Cpu("cpu", (_, _, _) => 2), SimulatedWorker.Gpu("gpu", 0, (_, _, _) => 1)] });
        for (int i = 0; i < 6; i++)
        {
            simulation.Submit(gpuTwiceAsFast, []);
        }

        var bound = simulation.LowerBound();
        Assert.Equal(3, bound.Area, 9);       // 6 x 1 / 2 workers: as if both ran at GPU speed
        Assert.Equal(4, bound.ClassArea, 6);  // 2 tasks on the CPU (4 s), 4 on the GPU (4 s)
        Assert.Equal(4, simulation.Run().Makespan, 9);
    }

    [Fact]
    public void Data_moves_over_the_declared_links()
    {
        var gpuOnly = new Codelet("g", TaskImplementation.Simulated("gpu", DeviceKind.Accelerator));
        var simulation = new Simulator(new SimulationOptions
        {
            Workers = [SimulatedWorker.Gpu("gpu0", 0, (_, _, _) => 1e-3), SimulatedWorker.Gpu("gpu1", 1, (_, _, _) => 1e-3)],
            Transfer = (_, _, bytes) => bytes * 1e-9,
            Trace = true,
        });
        var h = simulation.Register("h", 1_000_000);
        simulation.Submit(gpuOnly, new DataAccess(h, AccessMode.ReadWrite));
        var result = simulation.Run();
        Assert.Equal(1e-3 + 1e-3, result.Makespan, 12);
        Assert.Single(result.Summary.Links);
        Assert.Single(result.Trace!.Transfers);
    }

    [Fact]
    public void Reductions_and_scratch_are_not_simulated_and_say_so()
    {
        var simulation = new Simulator(new SimulationOptions { Workers = [SimulatedWorker.Cpu("a", (_, _, _) => 1)] });
        var h = simulation.Register("h", 8);
        var error = Assert.Throws<ArgumentException>(() => simulation.Submit(Work, new DataAccess(h, AccessMode.Reduction)));
        Assert.Contains("not simulated", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Urgency_updates_stay_linear_on_graphs_with_exponentially_many_paths()
    {
        // Each task depends on the two before it: the number of paths to the first task grows like Fibonacci.
        await Task.Run(() =>
        {
            var simulation = new Simulator(new SimulationOptions { Workers = [SimulatedWorker.Cpu("a", (_, _, _) => 1e-3), SimulatedWorker.Cpu("b", (_, _, _) => 1e-3)] });
            var tasks = new List<ScheduledTask>();
            for (int k = 0; k < 400; k++)
            {
                tasks.Add(simulation.Submit(Work, [], new TaskOptions { DependsOn = [.. tasks.Skip(Math.Max(0, k - 2)).Reverse()] }));
            }

            var first = simulation.Tasks[0];
            Assert.Equal(400e-3, first.Urgency, 9);
            Assert.Equal(400e-3, simulation.Run().Makespan, 9);

            // Many readers between writes multiply the paths further.
            var dense = SimulationScenarios.RandomDag(3, tasks: 600, handles: 3, cpus: 4, gpus: 0, "dmda");
            Assert.Equal(600, dense.Tasks.Count);
        }).WaitAsync(TimeSpan.FromSeconds(30));
    }

    public static TheoryData<string> Policies() => [.. SchedulingPolicies.Names];
}
