namespace Oompa.Scheduler.Tracing;

/// <summary>One copy between memory nodes on the timeline.</summary>
/// <param name="Handle">Name of the data handle.</param>
/// <param name="From">Index of the source node (0 is the host).</param>
/// <param name="To">Index of the destination node.</param>
/// <param name="Bytes">Bytes moved.</param>
/// <param name="StartSeconds">Start, seconds since the runtime or simulation started.</param>
/// <param name="EndSeconds">End, same clock.</param>
public sealed record TransferSpan(string Handle, int From, int To, long Bytes, double StartSeconds, double EndSeconds);
