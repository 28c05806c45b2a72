namespace Oompa.Scheduler.Algorithms;

/// <summary>How a scheduled algorithm turns calls into tasks.</summary>
public sealed record ScheduledAlgorithmOptions
{
    /// <summary>The defaults.</summary>
    public static ScheduledAlgorithmOptions Default { get; } = new();

    /// <summary>The codelet name (the performance-model key); default the algorithm type and a hash of the settings.</summary>
    public string? Name { get; init; }

    /// <summary>
    /// Output members the algorithm only partly overwrites, accessed read-write instead of write (so their previous
    /// content reaches the device). An output that is also an input is always read-write.
    /// </summary>
    public IReadOnlySet<string> ReadWriteMembers { get; init; } = new HashSet<string>(StringComparer.Ordinal);

    /// <summary>Task priority of every call.</summary>
    public int Priority { get; init; }
}
