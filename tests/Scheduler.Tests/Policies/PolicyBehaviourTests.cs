using Oompa.Core.Devices;
using Oompa.Scheduler.Data;
using Oompa.Scheduler.Simulation;
using Oompa.Scheduler.Tasks;

namespace Oompa.Scheduler.Tests.Policies;

/// <summary>What each policy does, checked deterministically on the simulator (the same policy code as the runtime).</summary>
public class PolicyBehaviourTests
{
    private static readonly Codelet Work = new("work", TaskImplementation.Simulated("cpu", DeviceKind.Cpu), TaskImplementation.Simulated("gpu", DeviceKind.Accelerator));

    [Fact]
    public void Dmda_gives_most_work_to_a_faster_device_and_keeps_the_cpu_busy_too()
    {
        var simulation = Simulation("dmda", cpuSeconds: 10e-3, gpuSeconds: 1e-3);
        for (int i = 0; i < 100; i++)
        {
            simulation.Submit(Work, new DataAccess(simulation.Register($"d{i}", 1 << 10), AccessMode.ReadWrite));
        }

        var result = simulation.Run();
        int onGpu = result.Tasks.Count(t => t.WorkerName == "gpu0");
        Assert.InRange(onGpu, 80, 99);
        Assert.True(result.Makespan < 100 * 1e-3, "the CPU's share shortens the run");
    }

    [Fact]
    public void Dmda_counts_transfers_where_dm_does_not()
    {
        double Makespan(string policy)
        {
            var simulation = Simulation(policy, cpuSeconds: 10e-3, gpuSeconds: 1e-3);
            for (int i = 0; i < 8; i++)
            {
                simulation.Submit(Work, new DataAccess(simulation.Register($"d{i}", 1L << 30), AccessMode.Read));
            }

            var result = simulation.Run();
            return result.Makespan;
        }

        Assert.True(Makespan("dmda") < Makespan("dm"), "moving 1 GiB per task to the GPU costs more than computing on the CPU");
    }

    [Fact]
    public void Work_stealing_keeps_a_chain_on_the_worker_that_released_it()
    {
        var simulation = new Simulator(new SimulationOptions
        {
            Policy = "ws",
            Workers = [.. Enumerable.Range(0, 4).Select(i => SimulatedWorker.Cpu($"cpu{i}", (_, _, _) => 1e-3))],
        });
        var h = simulation.Register("h", 64);
        for (int i = 0; i < 20; i++)
        {
            simulation.Submit(Work, new DataAccess(h, AccessMode.ReadWrite));
        }

        Assert.Single(simulation.Run().Tasks.Select(t => t.WorkerName).Distinct());
    }

    [Fact]
    public void Uncalibrated_models_explore_every_kind_of_worker_then_predict()
    {
        var simulation = new Simulator(new SimulationOptions
        {
            Policy = "dmda",
            LearnModels = true,
            Models = new Oompa.Scheduler.Models.ModelOptions { MinimumSamples = 4, Window = 8 },
            Workers = [SimulatedWorker.Cpu("cpu0", (_, _, _) => 4e-3), SimulatedWorker.Cpu("cpu1", (_, _, _) => 4e-3), SimulatedWorker.Gpu("gpu0", 0, (_, _, _) => 1e-3)],
        });
        for (int i = 0; i < 60; i++)
        {
            simulation.Submit(Work, new DataAccess(simulation.Register($"d{i}", 64), AccessMode.ReadWrite));
        }

        var result = simulation.Run();
        var entries = simulation.PerformanceModel!.Entries;
        Assert.Contains(entries, e => e.Architecture == "Cpu" && e.Trusted && Math.Abs(e.Median - 4e-3) < 1e-12);
        Assert.Contains(entries, e => e.Architecture == "Accelerator" && e.Trusted && Math.Abs(e.Median - 1e-3) < 1e-12);
        int onGpu = result.Tasks.Count(t => t.WorkerName == "gpu0");
        Assert.True(onGpu > 30, $"{onGpu} tasks on the GPU; {result.Summary}");
        Assert.True(result.Summary.PredictedTasks > 0);
        Assert.True(result.Summary.MeanRelativeError < 0.05, result.Summary.ToString());
    }

    [Fact]
    public void Unmodeled_codelets_are_taken_by_whichever_worker_is_free()
    {
        var unmodeled = new Codelet("io", TaskImplementation.Simulated("cpu", DeviceKind.Cpu)) { Modeled = false };
        var simulation = new Simulator(new SimulationOptions
        {
            Policy = "dmda",
            LearnModels = true,
            Workers = [SimulatedWorker.Cpu("cpu0", (_, _, _) => 1e-3), SimulatedWorker.Cpu("cpu1", (_, _, _) => 3e-3)],
        });
        for (int i = 0; i < 12; i++)
        {
            simulation.Submit(unmodeled, []);
        }

        var result = simulation.Run();
        Assert.Equal(9, result.Tasks.Count(t => t.WorkerName == "cpu0"));
        Assert.Equal(9e-3, result.Makespan, 12);
    }

    private static Simulator Simulation(string policy, double cpuSeconds, double gpuSeconds) => new(new SimulationOptions
    {
        Policy = policy,
        Transfer = SimulationScenarios.Pcie,
        Workers = [SimulatedWorker.Cpu("cpu0", (_, _, _) => cpuSeconds), SimulatedWorker.Gpu("gpu0", 0, (_, _, _) => gpuSeconds)],
    });
}
