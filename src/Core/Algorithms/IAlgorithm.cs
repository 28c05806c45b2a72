using Oompa.Core.Data;

namespace Oompa.Core.Algorithms;

/// <summary>
/// An operation on payloads whose strategy (backend, kernel) is chosen at <see cref="Init"/>. The same calls run on every
/// backend; only the strategies registered differ. Instances are not thread-safe.
/// </summary>
/// <typeparam name="TOut">Output wrapper.</typeparam>
/// <typeparam name="TIn">Input wrapper.</typeparam>
/// <typeparam name="TSettings">Immutable settings.</typeparam>
public interface IAlgorithm<TOut, TIn, TSettings> : IDisposable
    where TOut : PayloadWrapper
    where TIn : PayloadWrapper
{
    /// <summary>Validates the request and picks a strategy. Payloads may hold no data. Never throws for a request
    /// that cannot run: the result lists why (call <see cref="InitResult.ThrowIfFailed"/> to throw).</summary>
    InitResult Init(TOut output, TIn input, TSettings settings);

    /// <summary>Runs on payloads equivalent to those given to <see cref="Init"/>; may return before the work ends.</summary>
    /// <exception cref="InvalidOperationException">Not initialised.</exception>
    /// <exception cref="ArgumentException">A payload differs from what Init accepted, or holds too few bytes.</exception>
    void Execute(TOut output, TIn input);

    /// <summary>Waits until all work issued by <see cref="Execute"/> has finished.</summary>
    void Synchronize();

    /// <summary>Name of the chosen strategy; null before a successful <see cref="Init"/>.</summary>
    string? StrategyName { get; }
}
