namespace Oompa.Tuning.Dynamic;

/// <summary>One evaluated candidate of a session, as <see cref="KernelTuner.StepCompleted"/> reports it.</summary>
public sealed class TuningStepEventArgs(TuningSession session, TuningRecord record) : EventArgs
{
    /// <summary>The session.</summary>
    public TuningSession Session { get; } = session;

    /// <summary>The candidate and its measurement.</summary>
    public TuningRecord Record { get; } = record;
}
