using System.Globalization;
using System.Text;
using Oompa.Scheduler.Data;

namespace Oompa.Scheduler;

/// <summary>A text snapshot of the runtime's state, for investigating a run that does not finish.</summary>
public sealed partial class TaskRuntime
{
    /// <summary>
    /// Workers (running task, queue), unfinished work, and every handle's replicas and last users, as text. Meant for
    /// people investigating a stuck run; the format may change.
    /// </summary>
    public string DescribeState()
    {
        var text = new StringBuilder();
        if (!gate.TryEnter(TimeSpan.FromSeconds(5)))
        {
            return "The runtime's lock has been held for more than 5 s: a thread is stuck inside the runtime.";
        }

        try
        {
            text.Append(CultureInfo.InvariantCulture, $"policy {PolicyName}, {outstanding} unfinished tasks, cancelled {canceled}, stopping {stopping}, {deferred.Count} deferred copies, {coherency.CopiesInFlight} copies in flight").AppendLine();
            foreach (var s in slots)
            {
                text.Append(CultureInfo.InvariantCulture, $"  {s.Name}: busy {s.Busy}, sleeping {s.Sleeping}, running {s.Current?.ToString() ?? "-"}, queued {s.Queued} ({s.QueuedPredicted * 1e3:F3} ms), ran {s.TasksRun}").AppendLine();
            }

            foreach (var h in handles)
            {
                text.Append(CultureInfo.InvariantCulture, $"  handle {h}: writer {h.LastWriter?.ToString() ?? "-"} (pending {h.LastWriter?.PendingDependencies}), readers [{string.Join(", ", h.Readers.Where(r => !r.IsFinished))}], phase {(h.Phase is null ? "-" : h.Phase.Tasks.Count.ToString(CultureInfo.InvariantCulture))}").AppendLine();
                foreach (var r in h.Replicas)
                {
                    text.Append(CultureInfo.InvariantCulture, $"    node {r.NodeIndex}: {r.State}, allocated {r.IsAllocated}, pins {r.Pins}, fetch {(r.Fetch is null ? "-" : r.Fetch.Task.Status.ToString())}, generation {r.Generation}").AppendLine();
                }
            }

            for (int n = 0; n < providers.Length; n++)
            {
                text.Append(CultureInfo.InvariantCulture, $"  node {n} ({providers[n].Node}): {coherency.Used(n)} bytes used, limit {providers[n].MemoryLimit}").AppendLine();
            }
        }
        finally
        {
            gate.Exit();
        }

        return text.ToString();
    }
}
