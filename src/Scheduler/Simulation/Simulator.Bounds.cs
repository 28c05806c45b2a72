using Oompa.Scheduler.Tasks;

namespace Oompa.Scheduler.Simulation;

/// <summary>Lower bounds of the submitted graph.</summary>
public sealed partial class Simulator
{
    /// <summary>Critical path, area and class-area bounds of the tasks submitted so far (see <see cref="Simulation.LowerBound"/>).</summary>
    public LowerBound LowerBound()
    {
        lock (gate)
        {
            int n = tasks.Count;
            var classes = slots.GroupBy(s => (s.Description.Kind, s.Description.Architecture)).Select(g => g.ToArray()).ToArray();
            var fastest = new double[n];
            var perClass = new double[classes.Length, n];
            for (int t = 0; t < n; t++)
            {
                var task = tasks[t];
                fastest[t] = double.PositiveInfinity;
                for (int c = 0; c < classes.Length; c++)
                {
                    double best = double.PositiveInfinity;
                    foreach (var slot in classes[c])
                    {
                        foreach (var implementation in task.Binding!.BySlot[slot.Index])
                        {
                            best = Math.Min(best, Duration(task, slot, implementation));
                        }
                    }

                    perClass[c, t] = best;
                    fastest[t] = Math.Min(fastest[t], best);
                }
            }

            var finish = new Dictionary<long, double>();
            var predecessors = trace.Edges.ToLookup(e => e.To, e => e.From);
            double path = 0;
            for (int t = 0; t < n; t++)
            {
                double start = 0;
                foreach (long p in predecessors[tasks[t].Id])
                {
                    start = Math.Max(start, finish[p]);
                }

                finish[tasks[t].Id] = start + fastest[t];
                path = Math.Max(path, finish[tasks[t].Id]);
            }

            double area = fastest.Sum() / slots.Length;
            double classArea = classes.Length switch
            {
                1 => area,
                2 => TwoClassArea(perClass, classes[0].Length, classes[1].Length, n),
                _ => area,
            };
            return new LowerBound(path, area, Math.Max(area, classArea));
        }
    }

    /// <summary>
    /// The least T for which the tasks can be split fractionally between two classes of m1 and m2 workers with each
    /// class's load at most its workers × T: tasks relatively cheapest on class 1 go there first (exchange argument).
    /// </summary>
    private static double TwoClassArea(double[,] time, int m1, int m2, int n)
    {
        var order = Enumerable.Range(0, n).OrderBy(t => time[0, t] / time[1, t]).ToArray();
        double low = 0, high = 0;
        for (int t = 0; t < n; t++)
        {
            high += Math.Min(time[0, t], time[1, t]);
        }

        for (int iteration = 0; iteration < 100; iteration++)
        {
            double mid = 0.5 * (low + high);
            if (Feasible(mid))
            {
                high = mid;
            }
            else
            {
                low = mid;
            }
        }

        return high;

        bool Feasible(double bound)
        {
            double capacity1 = m1 * bound, load2 = 0;
            foreach (int t in order)
            {
                double p1 = time[0, t], p2 = time[1, t];
                if (double.IsPositiveInfinity(p1))
                {
                    load2 += p2;
                    continue;
                }

                if (p1 <= capacity1)
                {
                    capacity1 -= p1;
                    continue;
                }

                double fraction = capacity1 / p1;
                capacity1 = 0;
                if (double.IsPositiveInfinity(p2))
                {
                    return false;
                }

                load2 += (1 - fraction) * p2;
            }

            return load2 <= m2 * bound * (1 + 1e-12);
        }
    }
}
