namespace Oompa.Core.Algorithms;

/// <summary>What one strategy answered at <c>Init</c>: accepted, or declined with reasons.</summary>
/// <param name="Strategy">The strategy's name.</param>
/// <param name="Reasons">Why it declined; empty when it accepted.</param>
public sealed record StrategyDecision(string Strategy, IReadOnlyList<string> Reasons)
{
    /// <summary>Whether the strategy accepted.</summary>
    public bool Accepted => Reasons.Count == 0;

    /// <summary>Formats as <c>name: accepted</c> or <c>name: declined (reason; reason)</c>.</summary>
    public override string ToString() => Accepted ? $"{Strategy}: accepted" : $"{Strategy}: declined ({string.Join("; ", Reasons)})";
}
