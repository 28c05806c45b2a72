using Oompa.Tuning.Spaces;

namespace Oompa.Tuning.Searchers;

/// <summary>Proposes the default, then every other valid configuration in mixed-radix order. The seed is not used.</summary>
public sealed class ExhaustiveSearcher : Searcher
{
    private long _cursor;

    /// <inheritdoc/>
    public override string Name => "Exhaustive";

    /// <inheritdoc/>
    protected override void OnReset() => _cursor = 0;

    /// <inheritdoc/>
    protected override TuningConfiguration? Propose()
    {
        for (var i = Space.NextValidIndex(_cursor); i >= 0; i = Space.NextValidIndex(i + 1))
        {
            _cursor = i + 1;
            if (!IsVisitedIndex(i))
            {
                return Space.At(i);
            }
        }

        _cursor = Space.UpperBound;
        return null;
    }
}
