using Oompa.Tuning.Spaces;

namespace Oompa.Tuning.Searchers;

/// <summary>
/// Chooses which configurations of a tuning space to evaluate. The protocol is one step at a time, so an offline
/// loop and a dynamic tuner (one candidate per execution) drive it the same way: <see cref="Reset(TuningSpace, int)"/>, then repeatedly
/// <see cref="Next"/> and, once the candidate has been measured, <see cref="Report"/>. Searchers are not thread-safe:
/// one session drives one searcher at a time.
/// </summary>
public interface ISearcher
{
    /// <summary>A short name for results and persisted data, e.g. <c>SimulatedAnnealing</c>.</summary>
    string Name { get; }

    /// <summary>Starts a new search over <paramref name="space"/>; the same seed gives the same sequence of proposals
    /// for the same reported measurements.</summary>
    void Reset(TuningSpace space, int seed);

    /// <summary>
    /// Starts a new search whose first proposal is <paramref name="start"/> (for example the best configuration of the
    /// nearest strategy group), followed by the space's default so the reference time is still measured; the search then
    /// continues from whichever of them was better. The default implementation ignores <paramref name="start"/> and
    /// calls <see cref="Reset(TuningSpace, int)"/>; every <see cref="Searcher"/> honours it.
    /// </summary>
    void Reset(TuningSpace space, int seed, TuningConfiguration? start) => Reset(space, seed);

    /// <summary>
    /// The next configuration to evaluate, or null when the searcher has nothing left to propose. Every proposal is a
    /// valid configuration of the space, never repeated within one search. The previous proposal must have been
    /// reported first.
    /// </summary>
    TuningConfiguration? Next();

    /// <summary>Reports the outcome of the pending proposal. A failed measurement never becomes the best.</summary>
    void Report(TuningConfiguration configuration, TuningMeasurement measurement);
}
