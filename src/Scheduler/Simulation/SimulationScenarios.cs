using Oompa.Core.Devices;
using Oompa.Scheduler.Data;
using Oompa.Scheduler.Tasks;

namespace Oompa.Scheduler.Simulation;

/// <summary>
/// Ready-made simulated workloads: random task graphs, and the graph of FlexAlign global alignment (per-frame FFT and
/// filter, correlation of every pair of frames, one solve) on a node like the Umpalumpa paper's (22 cores + GPUs).
/// </summary>
public static class SimulationScenarios
{
    /// <summary>PCIe 3 x16 as seen by a copy: 10 µs + 12 GB/s each way between the host and a device.</summary>
    public static TransferFunction Pcie { get; } = (_, _, bytes) => 10e-6 + (bytes / 12e9);

    /// <summary>
    /// A random graph of <paramref name="tasks"/> tasks over <paramref name="handles"/> handles: each task reads,
    /// writes or read-writes one to three random handles (its dependencies follow), has one of four kinds and a random
    /// size. A task of size s takes s ms × the kind's factor on a CPU worker, <paramref name="gpuSpeedup"/> × the
    /// kind's affinity times less on a GPU worker; data crosses PCIe. Deterministic for a given seed.
    /// </summary>
    public static Simulator RandomDag(int seed, int tasks, int handles, int cpus, int gpus, string policy, double gpuSpeedup = 4, bool learnModels = false)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(tasks, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(handles, 1);
        var random = new Random(seed);
        double[] factor = [1.0, 0.5, 2.0, 1.5];
        double[] affinity = [1.0, 0.25, 2.0, 0.5];
        var kinds = Enumerable.Range(0, factor.Length).Select(k => Kind($"kind{k}", gpus > 0)).ToArray();
        var kindIndex = kinds.Select((c, i) => (c, i)).ToDictionary(p => p.c, p => p.i);
        var workers = new List<SimulatedWorker>();
        for (int c = 0; c < cpus; c++)
        {
            workers.Add(SimulatedWorker.Cpu($"cpu{c}", (codelet, _, size) => size * 1e-3 * factor[kindIndex[codelet]]));
        }

        for (int g = 0; g < gpus; g++)
        {
            workers.Add(SimulatedWorker.Gpu($"gpu{g}", g, (codelet, _, size) => size * 1e-3 * factor[kindIndex[codelet]] / (gpuSpeedup * affinity[kindIndex[codelet]])));
        }

        var simulation = new Simulator(new SimulationOptions { Workers = workers, Policy = policy, Transfer = Pcie, LearnModels = learnModels });
        var data = Enumerable.Range(0, handles).Select(i => simulation.Register($"h{i}", (1L + random.Next(16)) << 20)).ToArray();
        var modes = new[] { AccessMode.Read, AccessMode.Write, AccessMode.ReadWrite };
        for (int t = 0; t < tasks; t++)
        {
            int count = 1 + random.Next(Math.Min(3, handles));
            var chosen = new HashSet<int>();
            while (chosen.Count < count)
            {
                chosen.Add(random.Next(handles));
            }

            var accesses = chosen.Select(i => new DataAccess(data[i], modes[random.Next(modes.Length)])).ToArray();
            simulation.Submit(kinds[random.Next(kinds.Length)], accesses, new TaskOptions { Size = 1 + random.Next(100) });
        }

        return simulation;
    }

    /// <summary>
    /// FlexAlign global alignment of a <paramref name="frames"/>-frame 4096² movie: per frame an FFT (64 MiB in and
    /// out) and a filter that crops the spectrum to 4 MiB, a correlation task per pair of frames, and a solve of the
    /// over-determined shift system on the CPU. Times are those of one core and of a GPU of the paper's class.
    /// </summary>
    public static Simulator FlexAlign(int frames, int cpus, int gpus, string policy, bool learnModels = false)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(frames, 2);
        var fft = Kind("fft", gpus > 0);
        var filter = Kind("filter", gpus > 0);
        var correlate = Kind("correlate", gpus > 0);
        var solve = new Codelet("solve", TaskImplementation.Simulated("cpu", DeviceKind.Cpu));
        var cpuSeconds = new Dictionary<Codelet, double> { [fft] = 0.40, [filter] = 0.05, [correlate] = 0.030, [solve] = 0.010 };
        var gpuSeconds = new Dictionary<Codelet, double> { [fft] = 0.012, [filter] = 0.002, [correlate] = 0.0015 };
        var workers = new List<SimulatedWorker>();
        for (int c = 0; c < cpus; c++)
        {
            workers.Add(SimulatedWorker.Cpu($"cpu{c}", (codelet, _, _) => cpuSeconds[codelet]));
        }

        for (int g = 0; g < gpus; g++)
        {
            workers.Add(SimulatedWorker.Gpu($"gpu{g}", g, (codelet, _, _) => gpuSeconds[codelet]));
        }

        var simulation = new Simulator(new SimulationOptions { Workers = workers, Policy = policy, Transfer = Pcie, LearnModels = learnModels });
        const long Frame = 4096L * 4096 * 4;
        const long Spectrum = 4096L * 2049 * 8;
        const long Cropped = 1024L * 513 * 8;
        var small = new DataHandle[frames];
        for (int f = 0; f < frames; f++)
        {
            var frame = simulation.Register($"frame{f}", Frame);
            var spectrum = simulation.Register($"spectrum{f}", Spectrum);
            small[f] = simulation.Register($"cropped{f}", Cropped);
            simulation.Submit(fft, [new(frame, AccessMode.Read), new(spectrum, AccessMode.Write)], new TaskOptions { Name = $"fft {f}" });
            simulation.Submit(filter, [new(spectrum, AccessMode.Read), new(small[f], AccessMode.Write)], new TaskOptions { Name = $"filter {f}" });
        }

        var shifts = new List<DataAccess>();
        for (int i = 0; i < frames; i++)
        {
            for (int j = i + 1; j < frames; j++)
            {
                var shift = simulation.Register($"shift{i}-{j}", 16);
                simulation.Submit(correlate, [new(small[i], AccessMode.Read), new(small[j], AccessMode.Read), new(shift, AccessMode.Write)], new TaskOptions { Name = $"correlate {i}-{j}" });
                shifts.Add(new DataAccess(shift, AccessMode.Read));
            }
        }

        simulation.Submit(solve, shifts, new TaskOptions { Name = "solve" });
        return simulation;
    }

    private static Codelet Kind(string name, bool gpu) => gpu
        ? new Codelet(name, TaskImplementation.Simulated("cpu", DeviceKind.Cpu), TaskImplementation.Simulated("gpu", DeviceKind.Accelerator))
        : new Codelet(name, TaskImplementation.Simulated("cpu", DeviceKind.Cpu));
}
