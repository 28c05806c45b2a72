using Oompa.Scheduler.Data;
using Oompa.Scheduler.Tracing;

namespace Oompa.Scheduler.Tasks;

/// <summary>
/// Implicit dependencies from submission order (sequential consistency, like StarPU): a read waits for the last
/// writer (RAW); a write waits for the readers since the last write (WAR), else for the last writer (WAW); scratch and
/// reduction accesses wait for nothing. Called under the owner's lock.
/// </summary>
internal static class Dependencies
{
    private const int ReaderPruneThreshold = 64;

    /// <summary>
    /// Adds the task's edges. <paramref name="closeReduction"/> submits the combine task of a handle whose reduction
    /// must end before a non-reduction access (it becomes the handle's last writer).
    /// </summary>
    public static void Track(ScheduledTask task, IReadOnlyList<ScheduledTask>? explicitDependencies, Action<DataHandle> closeReduction, ExecutionTrace? trace, int workers)
    {
        var accesses = task.AccessArray;
        for (int i = 0; i < accesses.Length; i++)
        {
            var (h, mode) = accesses[i];
            if (mode is (AccessMode.Read or AccessMode.Write or AccessMode.ReadWrite) && h.Phase is not null)
            {
                closeReduction(h);
            }

            switch (mode)
            {
                case AccessMode.Read:
                    AddEdge(h.LastWriter, task, trace);
                    AddReader(h, task);
                    break;
                case AccessMode.Write:
                case AccessMode.ReadWrite:
                    WriteAfter(h, task, trace);
                    break;
                case AccessMode.Reduction:
                    h.Phase ??= new ReductionPhase(workers);
                    h.Phase.Tasks.Add(task);
                    task.Phases ??= new ReductionPhase?[accesses.Length];
                    task.Phases[i] = h.Phase;
                    break;
            }
        }

        if (explicitDependencies is not null)
        {
            foreach (var d in explicitDependencies)
            {
                AddEdge(d, task, trace);
            }
        }
    }

    /// <summary>Makes <paramref name="task"/> the handle's last writer, after its readers or previous writer.</summary>
    public static void WriteAfter(DataHandle h, ScheduledTask task, ExecutionTrace? trace)
    {
        if (h.Readers.Count > 0)
        {
            foreach (var r in h.Readers)
            {
                AddEdge(r, task, trace);
            }

            h.Readers.Clear();
        }
        else
        {
            AddEdge(h.LastWriter, task, trace);
        }

        h.LastWriter = task;
    }

    /// <summary>Makes <paramref name="to"/> wait for <paramref name="from"/> unless it already finished well.</summary>
    public static void AddEdge(ScheduledTask? from, ScheduledTask to, ExecutionTrace? trace)
    {
        if (from is null || ReferenceEquals(from, to))
        {
            return;
        }

        trace?.Edge(from.Id, to.Id);
        if (from.IsFinished)
        {
            if (from.Status != ScheduledTaskStatus.Completed)
            {
                to.FailedDependency ??= from;
            }

            return;
        }

        (from.Dependants ??= []).Add(to);
        (to.Predecessors ??= []).Add(from);
        to.PendingDependencies++;
    }

    /// <summary>Forgets every task a handle's future accesses would wait for (all of them have finished).</summary>
    public static void Reset(DataHandle h)
    {
        h.LastWriter = null;
        h.Readers.Clear();
    }

    private static void AddReader(DataHandle h, ScheduledTask task)
    {
        if (h.Readers.Count >= ReaderPruneThreshold)
        {
            h.Readers.RemoveAll(r => r.Status == ScheduledTaskStatus.Completed);
        }

        h.Readers.Add(task);
    }
}
