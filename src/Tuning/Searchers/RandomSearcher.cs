using Oompa.Tuning.Spaces;

namespace Oompa.Tuning.Searchers;

/// <summary>Proposes the default, then uniformly random valid configurations without repeats.</summary>
public sealed class RandomSearcher : Searcher
{
    /// <inheritdoc/>
    public override string Name => "Random";

    /// <inheritdoc/>
    protected override TuningConfiguration? Propose() => RandomUnvisited();
}
