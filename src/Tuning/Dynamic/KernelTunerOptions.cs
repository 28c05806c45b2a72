using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Oompa.Tuning.Searchers;
using Oompa.Tuning.StopConditions;
using Oompa.Tuning.Store;

namespace Oompa.Tuning.Dynamic;

/// <summary>How a <see cref="KernelTuner"/> tunes: mode, store folder, searcher, budget and stop condition.</summary>
public sealed record KernelTunerOptions
{
    /// <summary>The budget, in configurations per group, when the mode names none (<c>tune</c> rather than <c>tune:N</c>).</summary>
    public const int DefaultBudget = 16;

    /// <summary>What to do; <see cref="TuningMode.UseStored"/> by default.</summary>
    public TuningModeSetting Mode { get; init; } = new(TuningMode.UseStored);

    /// <summary>The store folder; null for <see cref="TuningStore.DefaultDirectory"/> (under <c>OOMPA_CACHE_DIR</c>).</summary>
    public string? StoreDirectory { get; init; }

    /// <summary>Creates the searcher of each session; simulated annealing by default.</summary>
    public Func<ISearcher> CreateSearcher { get; init; } = () => new SimulatedAnnealingSearcher();

    /// <summary>Creates the stop condition of each session from the budget; <see cref="Stop.AfterCount"/> by default.</summary>
    public Func<int, IStopCondition> CreateStop { get; init; } = budget => Stop.AfterCount(budget);

    /// <summary>The searchers' seed, so sessions are reproducible.</summary>
    public int Seed { get; init; }

    /// <summary>Where sessions log what they tuned and what they stored.</summary>
    public ILogger Logger { get; init; } = NullLogger.Instance;

    /// <summary>The budget of a session: the mode's, else <see cref="DefaultBudget"/>.</summary>
    public int Budget => Mode.Budget ?? DefaultBudget;

    /// <summary>Options whose mode comes from <c>OOMPA_TUNING</c> (<see cref="TuningModeSetting.FromEnvironment"/>), use-stored when unset.</summary>
    /// <exception cref="FormatException">The variable holds an invalid setting; the message names it and the accepted forms.</exception>
    public static KernelTunerOptions FromEnvironment(Func<string, string?>? environment = null) =>
        new() { Mode = TuningModeSetting.FromEnvironment(new TuningModeSetting(TuningMode.UseStored), environment) };
}
