using Oompa.Tuning.Spaces;

namespace Oompa.Tuning.StopConditions;

/// <summary>
/// Decides when a tuning session has done enough. <see cref="Start"/> is called once when the session begins; then
/// <see cref="ShouldStop"/> before each evaluation, so a dynamic tuner can consult it once per execution.
/// </summary>
public interface IStopCondition
{
    /// <summary>What the condition waits for, e.g. <c>50 configurations</c>.</summary>
    string Description { get; }

    /// <summary>Begins a session over <paramref name="space"/> (clocks start here).</summary>
    void Start(TuningSpace space);

    /// <summary>Whether the session should stop, given what has been evaluated so far.</summary>
    bool ShouldStop(TuningHistory history);
}
