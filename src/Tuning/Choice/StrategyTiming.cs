namespace Oompa.Tuning.Choice;

/// <summary>How one strategy fared when the tuner timed an algorithm's strategies.</summary>
/// <param name="Strategy">The strategy's name.</param>
/// <param name="Seconds">Its median wall time per execution (execute and synchronise); null when it declined.</param>
/// <param name="Reasons">Why it declined; empty when it was timed.</param>
public sealed record StrategyTiming(string Strategy, double? Seconds, IReadOnlyList<string> Reasons);
