namespace Oompa.Tuning;

/// <summary>Why a tuning session ended.</summary>
public enum TuningStopReason
{
    /// <summary>The stop condition was met.</summary>
    StopCondition,

    /// <summary>The searcher had no configuration left to propose.</summary>
    SpaceExhausted,
}
