using Oompa.Core.Data;

namespace Oompa.Core.Algorithms;

/// <summary>Names and creates one strategy of an algorithm; backends register these.</summary>
/// <param name="Name">The strategy's name, the same as <see cref="IStrategy{TOut, TIn, TSettings}.Name"/>.</param>
/// <param name="Create">Creates a fresh, uninitialised strategy.</param>
public sealed record StrategyFactory<TOut, TIn, TSettings>(string Name, Func<IStrategy<TOut, TIn, TSettings>> Create)
    where TOut : PayloadWrapper
    where TIn : PayloadWrapper;
