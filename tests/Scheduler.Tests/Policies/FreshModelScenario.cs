using Oompa.Core.Devices;
using Oompa.Scheduler.Data;
using Oompa.Scheduler.Simulation;
using Oompa.Scheduler.Tasks;

namespace Oompa.Scheduler.Tests.Policies;

/// <summary>
/// A node like the GPU machine's: <c>cpus</c> one-core CPU workers and one GPU, one codelet with a CPU and a GPU
/// implementation, independent tasks (each on its own handle) or one chain (every task read-writes one handle), data
/// over PCIe. Run with learned models from nothing (fresh, a first run) or with the speed functions (calibrated).
/// </summary>
internal static class FreshModelScenario
{
    public static readonly Codelet Insert = new("insert", TaskImplementation.Simulated("cpu", DeviceKind.Cpu), TaskImplementation.Simulated("gpu", DeviceKind.Accelerator));

    public static SimulationResult Run(bool fresh, int cpus, double cpuSeconds, double gpuSeconds, int tasks, bool chain = false, long bytes = 64 << 10, string policy = "dmda")
    {
        var workers = new List<SimulatedWorker>();
        for (int c = 0; c < cpus; c++)
        {
            workers.Add(SimulatedWorker.Cpu($"cpu{c}", (_, _, _) => cpuSeconds));
        }

        workers.Add(SimulatedWorker.Gpu("gpu0", 0, (_, _, _) => gpuSeconds));
        var simulation = new Simulator(new SimulationOptions { Workers = workers, Policy = policy, Transfer = SimulationScenarios.Pcie, LearnModels = fresh });
        var shared = simulation.Register("volume", bytes);
        for (int t = 0; t < tasks; t++)
        {
            var h = chain ? shared : simulation.Register($"d{t}", bytes);
            simulation.Submit(Insert, new DataAccess(h, AccessMode.ReadWrite));
        }

        return simulation.Run();
    }

    /// <summary>Makespan with fresh models over the makespan with calibrated ones, and the tasks the GPU ran.</summary>
    public static (double Ratio, int OnGpu, SimulationResult Fresh, SimulationResult Calibrated) Compare(int cpus, double cpuSeconds, double gpuSeconds, int tasks, bool chain = false, long bytes = 64 << 10, string policy = "dmda")
    {
        var fresh = Run(true, cpus, cpuSeconds, gpuSeconds, tasks, chain, bytes, policy);
        var calibrated = Run(false, cpus, cpuSeconds, gpuSeconds, tasks, chain, bytes, policy);
        return (fresh.Makespan / calibrated.Makespan, fresh.Tasks.Count(t => t.WorkerName == "gpu0"), fresh, calibrated);
    }
}
