namespace Oompa.Core.Algorithms;

/// <summary>
/// The outcome of <c>Init</c>: problems with the request itself (which no strategy could fix), what each strategy
/// answered, and which strategy was chosen.
/// </summary>
public sealed record InitResult
{
    /// <summary>Creates a result.</summary>
    public InitResult(string algorithm, IReadOnlyList<string> requestProblems, IReadOnlyList<StrategyDecision> decisions, string? chosen)
    {
        Algorithm = algorithm;
        RequestProblems = requestProblems;
        Decisions = decisions;
        ChosenStrategy = chosen;
    }

    /// <summary>Name of the algorithm.</summary>
    public string Algorithm { get; }

    /// <summary>Problems with the payloads or settings found before any strategy was asked.</summary>
    public IReadOnlyList<string> RequestProblems { get; }

    /// <summary>Every strategy that was asked, in order, with its answer.</summary>
    public IReadOnlyList<StrategyDecision> Decisions { get; }

    /// <summary>The strategy that will execute; null when Init failed.</summary>
    public string? ChosenStrategy { get; }

    /// <summary>Whether a strategy accepted.</summary>
    public bool Success => ChosenStrategy is not null;

    /// <summary>A multi-line explanation of the outcome.</summary>
    public string Explain()
    {
        if (Success)
        {
            return $"{Algorithm}: using {ChosenStrategy}.";
        }

        var lines = new List<string> { $"{Algorithm}: no strategy can run this request." };
        lines.AddRange(RequestProblems.Select(p => $"  request: {p}"));
        lines.AddRange(Decisions.Select(d => $"  {d}"));
        return string.Join(Environment.NewLine, lines);
    }

    /// <summary>Throws <see cref="AlgorithmInitException"/> with <see cref="Explain"/> when Init failed.</summary>
    public InitResult ThrowIfFailed() => Success ? this : throw new AlgorithmInitException(this);
}
