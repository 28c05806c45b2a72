using Oompa.Core.Data;

namespace Oompa.Core.Algorithms;

/// <summary>
/// One way to execute an algorithm on one backend. Strategies are created per algorithm instance by a
/// <see cref="StrategyFactory{TOut, TIn, TSettings}"/>; an algorithm asks them in order and keeps the first that accepts.
/// </summary>
/// <typeparam name="TOut">Output wrapper.</typeparam>
/// <typeparam name="TIn">Input wrapper.</typeparam>
/// <typeparam name="TSettings">Immutable settings.</typeparam>
public interface IStrategy<in TOut, in TIn, in TSettings> : IDisposable
    where TOut : PayloadWrapper
    where TIn : PayloadWrapper
{
    /// <summary>A stable name, for example <c>Cpu.MultiThreaded</c>.</summary>
    string Name { get; }

    /// <summary>
    /// Examines a request and, when it can run it, acquires what it needs (plans, kernels, scratch memory).
    /// The payloads may hold no data. Returns the reasons it declines; an empty list means accepted.
    /// </summary>
    IReadOnlyList<string> Init(TOut output, TIn input, TSettings settings);

    /// <summary>Runs on payloads equivalent to those given to <see cref="Init"/>; may return before the work ends.</summary>
    void Execute(TOut output, TIn input);

    /// <summary>Waits until every <see cref="Execute"/> issued so far has finished.</summary>
    void Synchronize();
}
