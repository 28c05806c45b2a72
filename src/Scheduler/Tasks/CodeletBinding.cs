using Oompa.Scheduler.Models;
using Oompa.Scheduler.Workers;

namespace Oompa.Scheduler.Tasks;

/// <summary>Per-runtime facts about a codelet: the implementations each worker slot can run, and cached models.</summary>
internal sealed class CodeletBinding
{
    private ArchitectureModel[]? distinct;
    private int? modeledArchitectures;

    public CodeletBinding(Codelet codelet, IReadOnlyList<WorkerSlot> slots, PerformanceModel? models)
    {
        Codelet = codelet;
        BySlot = new TaskImplementation[slots.Count][];
        Models = new ArchitectureModel?[slots.Count][];
        for (int s = 0; s < slots.Count; s++)
        {
            var slot = slots[s];
            BySlot[s] = [.. codelet.Implementations.Where(i => i.CanRunOn(slot.Description))];
            if (BySlot[s].Length > 0)
            {
                Capable++;
            }

            Models[s] = new ArchitectureModel?[BySlot[s].Length];
            if (models is not null && codelet.Modeled)
            {
                for (int i = 0; i < BySlot[s].Length; i++)
                {
                    Models[s][i] = models.For(codelet.Name, BySlot[s][i].Name, slot.Description.Architecture);
                }
            }
        }
    }

    public Codelet Codelet { get; }

    /// <summary>Every distinct model of the binding (one per implementation and architecture).</summary>
    public IReadOnlyList<ArchitectureModel> DistinctModels => distinct ??= [.. Models.SelectMany(m => m).OfType<ArchitectureModel>().Distinct()];

    /// <summary>
    /// Distinct worker architectures with a model for the codelet (0 when unmodeled). With two or more, a task no model
    /// can predict yet waits for the first samples instead of going to whichever worker is idle first.
    /// </summary>
    public int ModeledArchitectures => modeledArchitectures ??= DistinctModels.Select(m => m.Architecture).Distinct(StringComparer.Ordinal).Count();

    /// <summary>Implementations runnable on each slot (empty: the slot cannot run the codelet).</summary>
    public TaskImplementation[][] BySlot { get; }

    /// <summary>The model of each (slot, implementation), null for an unmodeled codelet.</summary>
    public ArchitectureModel?[][] Models { get; }

    /// <summary>Number of slots that can run the codelet.</summary>
    public int Capable { get; }

    public bool CanRun(WorkerSlot slot) => BySlot[slot.Index].Length > 0;
}
