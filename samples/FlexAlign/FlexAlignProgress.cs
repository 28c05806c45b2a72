namespace Oompa.Samples.FlexAlign;

/// <summary>Progress of a FlexAlign run, reported through <see cref="IProgress{T}"/>.</summary>
/// <param name="Stage">What is running: "spectra", "correlation", "solve", "sum", "write".</param>
/// <param name="Done">Units finished in this stage (frames, or frame pairs for "correlation").</param>
/// <param name="Total">Units in this stage.</param>
public sealed record FlexAlignProgress(string Stage, long Done, long Total);
