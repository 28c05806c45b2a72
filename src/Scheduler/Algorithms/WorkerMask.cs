using Oompa.Core.Algorithms;

namespace Oompa.Scheduler.Algorithms;

/// <summary>Workers a scheduled algorithm cannot use, because its <c>Init</c> declined on their kind of worker.</summary>
/// <param name="Architecture">The worker architecture (all workers of it are masked).</param>
/// <param name="Workers">Names of the masked workers.</param>
/// <param name="Result">What the algorithm answered, with every strategy's reasons.</param>
public sealed record WorkerMask(string Architecture, IReadOnlyList<string> Workers, InitResult Result)
{
    /// <summary>Formats as the workers and the explanation.</summary>
    public override string ToString() => $"{string.Join(", ", Workers)} ({Architecture}) masked: {Result.Explain()}";
}
