using Oompa.Scheduler.Tasks;
using Oompa.Scheduler.Workers;

namespace Oompa.Scheduler.Policies;

/// <summary>
/// What a policy may ask of the runtime that owns it: the real runtime and the simulator both implement it, so the same
/// policy code runs on wall-clock time and on a virtual clock. Every call happens under the owner's lock.
/// </summary>
internal interface ISchedulerHost
{
    /// <summary>Seconds since the start (wall clock or virtual).</summary>
    double Now { get; }

    /// <summary>The workers, indexed by <see cref="WorkerSlot.Index"/>.</summary>
    IReadOnlyList<WorkerSlot> Slots { get; }

    /// <summary>
    /// Predicted seconds of implementation <paramref name="implementation"/> (an index into the slot's runnable
    /// implementations) on <paramref name="slot"/>: the trusted prediction, else the tentative median of the samples
    /// taken so far (fewer than the minimum), NaN when there is none. <paramref name="calibrate"/> says that the policy
    /// should place a calibration run there now (no sample yet, or a tentative entry whose delay has passed; never while
    /// one is on its way: see <c>HistoryEntry.WantsCalibration</c>).
    /// </summary>
    double PredictLength(ScheduledTask task, WorkerSlot slot, int implementation, out bool calibrate);

    /// <summary>The task's fastest predicted run time over every worker that can run it; NaN when no model can tell.</summary>
    double Estimate(ScheduledTask task);

    /// <summary>
    /// Notes that the task was placed to calibrate its model on the slot; <paramref name="seconds"/> is what the run is
    /// predicted to cost when placement preferred another architecture (run and transfers), 0 for a first sample.
    /// </summary>
    void BeginCalibration(ScheduledTask task, WorkerSlot slot, int implementation, double seconds);

    /// <summary>Predicted seconds to bring the task's input data to the slot's memory node.</summary>
    double PredictTransfer(ScheduledTask task, WorkerSlot slot);

    /// <summary>Whether every input of the task is already valid on the slot's memory node.</summary>
    bool IsDataLocal(ScheduledTask task, WorkerSlot slot);

    /// <summary>Starts moving the task's inputs to the slot's memory node (prefetch on placement).</summary>
    void Prefetch(ScheduledTask task, WorkerSlot slot);

    /// <summary>Wakes the slot if it waits for work.</summary>
    void Wake(WorkerSlot slot);

    /// <summary>Wakes one waiting slot that can run the task, if any.</summary>
    void WakeAny(ScheduledTask task);
}
