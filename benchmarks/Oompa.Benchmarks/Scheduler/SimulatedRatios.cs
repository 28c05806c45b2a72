using Oompa.Scheduler.Simulation;

namespace Oompa.Benchmarks.Scheduler;

/// <summary>Makespan over lower bound of simulated graphs (deterministic: fixed seeds).</summary>
internal static class SimulatedRatios
{
    /// <summary>Mean and worst ratio over <paramref name="graphs"/> random graphs of 40-200 tasks.</summary>
    public static (double Mean, double Worst) RandomGraphs(string policy, int graphs, bool heterogeneous)
    {
        var random = new Random(2024);
        double sum = 0, worst = 0;
        for (int g = 0; g < graphs; g++)
        {
            int tasks = 40 + random.Next(161);
            int handles = 4 + random.Next(37);
            int cpus = heterogeneous ? 22 : 2 + random.Next(7);
            var simulation = SimulationScenarios.RandomDag(g, tasks, handles, cpus, heterogeneous ? 2 : 0, policy);
            var bound = simulation.LowerBound();
            double ratio = simulation.Run().Makespan / (heterogeneous ? bound.Tight : bound.Value);
            sum += ratio;
            worst = Math.Max(worst, ratio);
        }

        return (sum / graphs, worst);
    }

    /// <summary>Makespans of the 40-frame FlexAlign graph on 22 CPUs with one and two GPUs, and the two-GPU bound.</summary>
    public static (double One, double Two, double Bound) FlexAlign(string policy)
    {
        double one = SimulationScenarios.FlexAlign(40, 22, 1, policy).Run().Makespan;
        var two = SimulationScenarios.FlexAlign(40, 22, 2, policy);
        var bound = two.LowerBound().Tight;
        return (one, two.Run().Makespan, bound);
    }
}
