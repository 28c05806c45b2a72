using Oompa.Scheduler.Tasks;
using Oompa.Scheduler.Workers;

namespace Oompa.Scheduler.Policies;

/// <summary>
/// Calibration for the dm* family with fresh models. StarPU (and this policy before) sent tasks to every worker that
/// still needed samples until enough runs were queued, then let idle workers take the rest: on 16 CPU cores and a GPU
/// 500 times faster, the idle cores took nearly everything while the GPU calibrated. Here:
/// <list type="bullet">
/// <item>an architecture (model entry) without any sample gets one calibration run, and no other until it ends;</item>
/// <item>with at least one sample, the tentative median places tasks like a trusted prediction (every run still adds a
/// sample; the minimum only decides what is trusted);</item>
/// <item>a task no model can predict yet, of a codelet modeled on several architectures, is <em>held</em> in the shared
/// queue (no idle worker takes it) and placed by the first worker that runs dry once a first sample has arrived (not
/// from every <c>Pop</c>: releasing there made an OpenCL random-program test fail about once in four runs, a
/// coherency interaction not found yet);</item>
/// <item>a below-minimum architecture that placement passes over gets further runs, one at a time, while their
/// predicted cost stays within 1/<see cref="Models.ModelOptions.CalibrationDelay"/> of the elapsed time (so they
/// lengthen a schedule by at most that fraction), and is calibrated in a long run even when a first sample was too
/// slow.</item>
/// </list>
/// </summary>
internal sealed partial class DequeModelPolicy
{
    private readonly List<ScheduledTask> released = [];
    private Func<ScheduledTask, bool>? placeable;

    /// <summary>Places the held tasks whose codelet has gained a prediction or may calibrate again.</summary>
    private void Release()
    {
        unplaced.Release(placeable ??= Placeable, released);
        foreach (var task in released)
        {
            Push(task, null);
        }

        released.Clear();
    }

    /// <summary>Whether some worker can predict the task now, or should calibrate with it.</summary>
    private bool Placeable(ScheduledTask task)
    {
        var binding = task.Binding!;
        foreach (var slot in Host.Slots)
        {
            for (int i = 0; i < binding.BySlot[slot.Index].Length; i++)
            {
                if (!double.IsNaN(Host.PredictLength(task, slot, i, out bool calibrate)) || calibrate)
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>
    /// The least loaded candidate whose model asks for a calibration run and is not the chosen candidate's model
    /// (an architecture placement passes over); -1 when none.
    /// </summary>
    private int Neglected(CodeletBinding binding, int count, in Candidate chosen)
    {
        var chosenModel = binding.Models[chosen.Slot.Index][chosen.Implementation];
        int found = -1;
        for (int c = 0; c < count; c++)
        {
            ref var candidate = ref candidates[c];
            if (candidate.Calibrate
                && !ReferenceEquals(binding.Models[candidate.Slot.Index][candidate.Implementation], chosenModel)
                && (found < 0 || Load(candidate.Slot) < Load(candidates[found].Slot)))
            {
                found = c;
            }
        }

        return found;
    }
}
