namespace Oompa.Samples.FourierReconstruction;

/// <summary>Where a reconstruction is: a stage (<c>read</c>, <c>insert</c>, <c>finish</c>, <c>write</c>) and how far.</summary>
/// <param name="Stage">The stage.</param>
/// <param name="Done">Units done.</param>
/// <param name="Total">Units in the stage.</param>
public readonly record struct ReconstructionProgress(string Stage, int Done, int Total);
