namespace Oompa.Scheduler.Tracing;

/// <summary>What moved over one directed link between memory nodes.</summary>
/// <param name="From">Source node name.</param>
/// <param name="To">Destination node name.</param>
/// <param name="Bytes">Bytes copied.</param>
/// <param name="Copies">Number of copies.</param>
public sealed record LinkSummary(string From, string To, long Bytes, long Copies);
