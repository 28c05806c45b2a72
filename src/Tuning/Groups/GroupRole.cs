namespace Oompa.Tuning.Groups;

/// <summary>The part a strategy plays in tuning once the tuner has placed it (see <see cref="Dynamic.TuningLease"/>).</summary>
public enum GroupRole
{
    /// <summary>Runs the default configuration: tuning is off, or nothing is stored and the mode does not tune.</summary>
    Default,

    /// <summary>Runs the stored best configuration of its own group; never tunes.</summary>
    Stored,

    /// <summary>Started its group's tuning session; tunes until the budget ends.</summary>
    Leader,

    /// <summary>Joined a live session of its own group: may run candidates too, and its measurements merge into the session.</summary>
    Equal,

    /// <summary>Runs another group's best configuration (live or stored); never tunes.</summary>
    Similar,
}
