using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Oompa.Core.Data;

namespace Oompa.Core.Algorithms;

/// <summary>
/// Base of every algorithm: validates requests, asks strategies in order (a preferred one first when named), and checks
/// at every <see cref="Execute"/> that the payloads match what <see cref="Init"/> accepted, byte counts included.
/// </summary>
/// <typeparam name="TOut">Output wrapper.</typeparam>
/// <typeparam name="TIn">Input wrapper.</typeparam>
/// <typeparam name="TSettings">Immutable settings.</typeparam>
public abstract class Algorithm<TOut, TIn, TSettings> : IAlgorithm<TOut, TIn, TSettings>
    where TOut : PayloadWrapper
    where TIn : PayloadWrapper
    where TSettings : class
{
    private readonly IReadOnlyList<StrategyFactory<TOut, TIn, TSettings>> factories;
    private IStrategy<TOut, TIn, TSettings>? strategy;
    private TOut? initOutput;
    private TIn? initInput;

    /// <summary>Creates the algorithm over the given strategies, asked in order.</summary>
    protected Algorithm(IEnumerable<StrategyFactory<TOut, TIn, TSettings>> factories, ILogger? logger = null)
    {
        ArgumentNullException.ThrowIfNull(factories);
        this.factories = [.. factories];
        Logger = logger ?? NullLogger.Instance;
    }

    /// <summary>Name of a strategy to ask first (for example chosen by the tuner); the others follow in order.</summary>
    public string? PreferredStrategy { get; set; }

    /// <summary>Names of the strategies this instance can use, in the order they are asked.</summary>
    public IReadOnlyList<string> StrategyNames => [.. factories.Select(f => f.Name)];

    /// <inheritdoc />
    public string? StrategyName => strategy?.Name;

    /// <summary>The settings accepted by the last successful <see cref="Init"/>.</summary>
    public TSettings? Settings { get; private set; }

    /// <summary>Logger for this algorithm.</summary>
    protected ILogger Logger { get; }

    /// <summary>The algorithm's name for messages.</summary>
    protected virtual string AlgorithmName => GetType().Name;

    /// <inheritdoc />
    public InitResult Init(TOut output, TIn input, TSettings settings)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(settings);
        Release();

        var problems = new List<string>();
        problems.AddRange(output.Validate(requireData: false));
        problems.AddRange(input.Validate(requireData: false));
        if (problems.Count == 0)
        {
            ValidateRequest(output, input, settings, problems);
        }

        var decisions = new List<StrategyDecision>();
        if (problems.Count > 0)
        {
            return Fail(problems, decisions);
        }

        foreach (var factory in Ordered())
        {
            var candidate = factory.Create();
            IReadOnlyList<string> reasons;
            try
            {
                reasons = candidate.Init(output, input, settings);
            }
            catch
            {
                candidate.Dispose();
                throw;
            }

            decisions.Add(new StrategyDecision(candidate.Name, reasons));
            if (reasons.Count == 0)
            {
                strategy = candidate;
                initOutput = output;
                initInput = input;
                Settings = settings;
                var result = new InitResult(AlgorithmName, [], decisions, candidate.Name);
                Logger.LogDebug("{Algorithm} chose {Strategy}", AlgorithmName, candidate.Name);
                return result;
            }

            candidate.Dispose();
        }

        if (factories.Count == 0)
        {
            problems.Add("no strategy is registered for this algorithm.");
        }

        return Fail(problems, decisions);
    }

    /// <inheritdoc />
    public void Execute(TOut output, TIn input)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(input);
        if (strategy is null || initOutput is null || initInput is null)
        {
            throw new InvalidOperationException($"{AlgorithmName}.Execute was called before a successful Init.");
        }

        // Fast path: a cheap allocation-free check; the itemised report is built only when something is wrong.
        if (!PayloadCheck.MatchesAndHoldsData(output, initOutput) || !PayloadCheck.MatchesAndHoldsData(input, initInput))
        {
            var problems = new List<string>();
            problems.AddRange(output.Differences(initOutput).Select(p => $"output {p}"));
            problems.AddRange(input.Differences(initInput).Select(p => $"input {p}"));
            problems.AddRange(output.Validate(requireData: true).Select(p => $"output {p}"));
            problems.AddRange(input.Validate(requireData: true).Select(p => $"input {p}"));
            if (problems.Count > 0)
            {
                throw new ArgumentException($"{AlgorithmName}.Execute: the payloads do not match what Init accepted:{Environment.NewLine}  {string.Join(Environment.NewLine + "  ", problems)}");
            }
        }

        strategy.Execute(output, input);
    }

    /// <inheritdoc />
    public void Synchronize() => strategy?.Synchronize();

    /// <inheritdoc />
    public void Dispose()
    {
        Release();
        GC.SuppressFinalize(this);
    }

    /// <summary>
    /// Checks the request before any strategy is asked: element types, shapes, settings, and that output descriptors
    /// carry the state the algorithm will produce. Adds one message per problem, naming member and field.
    /// </summary>
    protected abstract void ValidateRequest(TOut output, TIn input, TSettings settings, ICollection<string> problems);

    private IEnumerable<StrategyFactory<TOut, TIn, TSettings>> Ordered() =>
        PreferredStrategy is null
            ? factories
            : factories.Where(f => f.Name == PreferredStrategy).Concat(factories.Where(f => f.Name != PreferredStrategy));

    private InitResult Fail(List<string> problems, List<StrategyDecision> decisions)
    {
        var result = new InitResult(AlgorithmName, problems, decisions, null);
        Logger.LogDebug("{Explanation}", result.Explain());
        return result;
    }

    private void Release()
    {
        strategy?.Dispose();
        strategy = null;
        initOutput = null;
        initInput = null;
        Settings = null;
    }
}
