using Oompa.Scheduler.Tasks;

namespace Oompa.Scheduler.Data;

/// <summary>The reduction-mode tasks of one handle since its last combine, and their per-worker private copies.</summary>
internal sealed class ReductionPhase(int workers)
{
    /// <summary>Private copies by worker slot, allocated and initialised at a worker's first reduction task.</summary>
    public Replica?[] Privates { get; } = new Replica?[workers];

    /// <summary>Reduction tasks of this phase; the combine task depends on all of them.</summary>
    public List<ScheduledTask> Tasks { get; } = [];
}
