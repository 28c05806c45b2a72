using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Oompa.Core.Algorithms;
using Oompa.Core.Data;
using Oompa.Tuning.Dynamic;
using Oompa.Tuning.Groups;
using Oompa.Tuning.Spaces;
using Oompa.Tuning.Store;

namespace Oompa.Tuning.Choice;

/// <summary>
/// Picks which of an algorithm's strategies runs a request, by measured time, and remembers the choice in the tuning
/// store under <c>choice:&lt;algorithm&gt;</c>, the devices' identities and the request's group signature.
/// </summary>
public static class StrategyChooser
{
    /// <summary>The configuration parameter that holds the index of the chosen strategy in the algorithm's list.</summary>
    public const string Parameter = "STRATEGY";

    /// <summary>The group feature that lists the strategies the choice was made among.</summary>
    public const string StrategiesFeature = "strategies";

    /// <summary>Prefix of the strategy part of a choice's store key.</summary>
    public const string KeyPrefix = "choice:";

    /// <summary>
    /// Sets <see cref="Algorithm{TOut, TIn, TSettings}.PreferredStrategy"/> for this request and initialises the algorithm
    /// with it. Off: leaves the preference alone. A stored choice is used without timing (except when retuning).
    /// Use-stored without a stored choice: leaves the preference alone. Tune and retune: times every strategy that
    /// accepts (one warm-up, then the median of <see cref="StrategyChooserOptions.Repetitions"/> executions, each
    /// followed by <c>Synchronize</c>) and prefers the fastest; while timed, tunable kernels run their stored or default
    /// configurations, never candidates. Every strategy runs on the caller's payloads, whose bytes
    /// are saved first and written back before every run and at the end, so in-place and accumulating requests see the
    /// original data each time and the payloads end as they began.
    /// </summary>
    public static StrategyChoice Choose<TOut, TIn, TSettings>(
        KernelTuner tuner, Algorithm<TOut, TIn, TSettings> algorithm, TOut output, TIn input, TSettings settings, StrategyChooserOptions? options = null)
        where TOut : PayloadWrapper
        where TIn : PayloadWrapper
        where TSettings : class
    {
        ArgumentNullException.ThrowIfNull(tuner);
        ArgumentNullException.ThrowIfNull(algorithm);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(settings);
        options ??= new StrategyChooserOptions();
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(options.Repetitions);
        var names = algorithm.StrategyNames;
        var key = Key(algorithm.GetType().Name, names, options, output, input, settings);
        var mode = tuner.Mode.Mode;
        if (mode == TuningMode.Off)
        {
            return new StrategyChoice(key, null, false, [], algorithm.Init(output, input, settings));
        }

        if (mode != TuningMode.Retune && tuner.Store is { } store && store.TryGet(key, out var entry)
            && entry.Configuration.TryGetValue(Parameter, out long index) && index >= 0 && index < names.Count)
        {
            algorithm.PreferredStrategy = names[(int)index];
            var init = algorithm.Init(output, input, settings);
            return new StrategyChoice(key, init.ChosenStrategy, true, [], init);
        }

        if (mode == TuningMode.UseStored)
        {
            return new StrategyChoice(key, null, false, [], algorithm.Init(output, input, settings));
        }

        // While timed, strategies run stored or default kernel configurations: dynamic tuning would distort the times.
        var quiet = new KernelTuner(tuner.Options with { Mode = new TuningModeSetting(TuningMode.UseStored) });
        List<StrategyTiming> timings;
        string? problem;
        using (KernelTuner.Use(quiet))
        {
            timings = Time(algorithm, names, output, input, settings, options.Repetitions, out problem);
        }

        if (problem is not null)
        {
            tuner.Options.Logger.LogWarning("Cannot time the strategies of {Algorithm}: {Problem}", key.Strategy, problem);
            return new StrategyChoice(key, null, false, timings, algorithm.Init(output, input, settings));
        }

        var fastest = timings.Where(t => t.Seconds is not null).MinBy(t => t.Seconds);
        if (fastest is null)
        {
            return new StrategyChoice(key, null, false, timings, algorithm.Init(output, input, settings));
        }

        algorithm.PreferredStrategy = fastest.Strategy;
        var final = algorithm.Init(output, input, settings);
        Save(tuner, key, names, timings, fastest);
        return new StrategyChoice(key, final.ChosenStrategy, false, timings, final);
    }

    /// <summary>The chosen strategy's name in a stored choice entry, or null when the entry is not a valid choice.</summary>
    public static string? ChosenName(TuningStoreEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var names = GroupSignature.TryParse(entry.Key.Group)?[StrategiesFeature]?.Split('+');
        return entry.Key.Strategy.StartsWith(KeyPrefix, StringComparison.Ordinal) && names is not null
            && entry.Configuration.TryGetValue(Parameter, out long i) && i >= 0 && i < names.Length
            ? names[i]
            : null;
    }

    private static TuningStoreKey Key(string algorithm, IReadOnlyList<string> names, StrategyChooserOptions options, PayloadWrapper output, PayloadWrapper input, object settings)
    {
        string devices = string.Join(" + ", options.Devices.Select(d => d.Identity));
        var signature = GroupSignature.Of(output, input, settings).With(GroupFeature.Category(StrategiesFeature, string.Join("+", names)));
        return new TuningStoreKey(devices, KeyPrefix + algorithm, TuningStoreKey.HashSource(string.Join("\n", names)), signature.Text);
    }

    private static List<StrategyTiming> Time<TOut, TIn, TSettings>(
        Algorithm<TOut, TIn, TSettings> algorithm, IReadOnlyList<string> names, TOut output, TIn input, TSettings settings, int repetitions, out string? problem)
        where TOut : PayloadWrapper
        where TIn : PayloadWrapper
        where TSettings : class
    {
        var timings = new List<StrategyTiming>();
        using var snapshot = PayloadSnapshot.Take(output, out problem);
        if (snapshot is null)
        {
            return timings;
        }

        string? preferred = algorithm.PreferredStrategy;
        try
        {
            foreach (var name in names)
            {
                algorithm.PreferredStrategy = name;
                var init = algorithm.Init(output, input, settings);
                if (init.ChosenStrategy != name)
                {
                    var reasons = init.Decisions.FirstOrDefault(d => d.Strategy == name)?.Reasons ?? init.RequestProblems;
                    timings.Add(new StrategyTiming(name, null, reasons));
                    continue;
                }

                var samples = new List<double>(repetitions);
                for (int i = 0; i <= repetitions; i++)
                {
                    snapshot.Restore();
                    long start = Stopwatch.GetTimestamp();
                    algorithm.Execute(output, input);
                    algorithm.Synchronize();
                    if (i > 0)
                    {
                        samples.Add(Stopwatch.GetElapsedTime(start).TotalSeconds);
                    }
                }

                samples.Sort();
                timings.Add(new StrategyTiming(name, samples[samples.Count / 2], []));
            }
        }
        finally
        {
            snapshot.Restore();
            algorithm.PreferredStrategy = preferred;
        }

        return timings;
    }

    private static void Save(KernelTuner tuner, TuningStoreKey key, IReadOnlyList<string> names, List<StrategyTiming> timings, StrategyTiming fastest)
    {
        if (tuner.Store is not { } store)
        {
            return;
        }

        var configuration = new TuningConfiguration([new(Parameter, names.ToList().IndexOf(fastest.Strategy))]);
        double? reference = timings.First(t => t.Seconds is not null).Seconds;
        var entry = new TuningStoreEntry(key, configuration, fastest.Seconds!.Value, reference, timings.Count(t => t.Seconds is not null), "Timing", DateTimeOffset.UtcNow, TuningStore.OompaVersion);
        try
        {
            store.Save(entry, tuner.Mode.Mode == TuningMode.Retune ? StoreWriteMode.Replace : StoreWriteMode.KeepFaster);
        }
        catch (TuningStoreException e)
        {
            tuner.Options.Logger.LogWarning("Could not store the strategy choice {Key}: {Problem}", key, e.Message);
        }
    }
}
