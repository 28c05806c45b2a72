namespace Oompa.Tuning.Store;

/// <summary>What to do about tuning, usually set through the <c>OOMPA_TUNING</c> environment variable.</summary>
public enum TuningMode
{
    /// <summary>Never tune and ignore stored results: run default configurations.</summary>
    Off,

    /// <summary>Run stored best configurations where there are any, defaults elsewhere; never tune.</summary>
    UseStored,

    /// <summary>Use stored results; tune what has none, within the budget, and store the outcome.</summary>
    Tune,

    /// <summary>Tune everything again, within the budget, and replace stored results.</summary>
    Retune,
}
