using Oompa.Core.Algorithms;
using Oompa.Tuning.Store;

namespace Oompa.Tuning.Choice;

/// <summary>What <see cref="StrategyChooser.Choose"/> decided for a request.</summary>
/// <param name="Key">The store key of the choice.</param>
/// <param name="Chosen">The strategy now preferred (the algorithm was initialised with it); null when none accepted.</param>
/// <param name="FromStore">Whether the choice was read from the store instead of being timed.</param>
/// <param name="Timings">Every strategy timed, in the algorithm's order; empty when nothing was timed.</param>
/// <param name="Init">The final <c>Init</c> of the algorithm.</param>
public sealed record StrategyChoice(TuningStoreKey Key, string? Chosen, bool FromStore, IReadOnlyList<StrategyTiming> Timings, InitResult Init)
{
    /// <summary>The time of the strategy the algorithm would have picked without a preference, over the chosen one's; null unless both were timed.</summary>
    public double? Speedup =>
        Timings.FirstOrDefault(t => t.Seconds is not null) is { Seconds: { } reference }
        && Timings.FirstOrDefault(t => t.Strategy == Chosen) is { Seconds: > 0 and var best }
            ? reference / best
            : null;
}
