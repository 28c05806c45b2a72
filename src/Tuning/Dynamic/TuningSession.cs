using Microsoft.Extensions.Logging;
using Oompa.Tuning.Searchers;
using Oompa.Tuning.Spaces;
using Oompa.Tuning.StopConditions;
using Oompa.Tuning.Store;

namespace Oompa.Tuning.Dynamic;

/// <summary>
/// The dynamic tuning of one strategy group: its searcher, stop condition and history, and the best validated
/// configuration so far (the default until a candidate validates faster). Every member of the group asks it for a
/// candidate on each execution; only one candidate is out at a time, and its measurement (or failure) comes back before
/// the next. When the stop condition holds or the searcher runs out, the session ends and its best result is saved to
/// the store. Thread-safe.
/// </summary>
public sealed class TuningSession
{
    private readonly Lock sync = new();
    private readonly KernelTuner owner;
    private readonly ISearcher searcher;
    private readonly IStopCondition stop;
    private readonly TuningHistory history;
    private TuningConfiguration? pending;
    private TuningStopReason? finishedReason;
    private int members;

    internal TuningSession(KernelTuner owner, KernelTuningRequest request, TuningConfiguration? start, TuningStoreKey? startedFrom)
    {
        this.owner = owner;
        Key = request.Key;
        Space = request.Space;
        Start = start;
        StartedFrom = startedFrom;
        searcher = owner.Options.CreateSearcher();
        stop = owner.Options.CreateStop(owner.Options.Budget);
        history = new TuningHistory(Space.Default);
        searcher.Reset(Space, owner.Options.Seed, start);
        stop.Start(Space);
    }

    /// <summary>The group's store key.</summary>
    public TuningStoreKey Key { get; }

    /// <summary>The space searched.</summary>
    public TuningSpace Space { get; }

    /// <summary>The configuration tried first, taken from the nearest stored group; null when the search starts from the default.</summary>
    public TuningConfiguration? Start { get; }

    /// <summary>The group <see cref="Start"/> came from.</summary>
    public TuningStoreKey? StartedFrom { get; }

    /// <summary>The searcher's name.</summary>
    public string Searcher => searcher.Name;

    /// <summary>The best validated configuration so far; the default until a candidate validates faster.</summary>
    public TuningConfiguration Best
    {
        get
        {
            lock (sync)
            {
                return history.Best?.Configuration ?? Space.Default;
            }
        }
    }

    /// <summary>The measured time of <see cref="Best"/> in seconds, once measured.</summary>
    public double? BestSeconds
    {
        get
        {
            lock (sync)
            {
                return history.Best?.Measurement.Seconds;
            }
        }
    }

    /// <summary>The default configuration's measured time in seconds, once measured.</summary>
    public double? ReferenceSeconds
    {
        get
        {
            lock (sync)
            {
                return history.ReferenceSeconds;
            }
        }
    }

    /// <summary>Every evaluation so far, in order.</summary>
    public IReadOnlyList<TuningRecord> Records
    {
        get
        {
            lock (sync)
            {
                return [.. history.Records];
            }
        }
    }

    /// <summary>The number of candidates evaluated.</summary>
    public int Steps
    {
        get
        {
            lock (sync)
            {
                return history.Count;
            }
        }
    }

    /// <summary>Whether the session has ended (budget spent or space exhausted).</summary>
    public bool IsFinished
    {
        get
        {
            lock (sync)
            {
                return finishedReason is not null;
            }
        }
    }

    /// <summary>Why the session ended; null while it runs.</summary>
    public TuningStopReason? StopReason
    {
        get
        {
            lock (sync)
            {
                return finishedReason;
            }
        }
    }

    /// <summary>The entry now in the store for this group after the session ended (possibly a faster one another process saved).</summary>
    public TuningStoreEntry? Saved { get; private set; }

    /// <summary>Why saving failed, if it did (the result still applies in this process).</summary>
    public string? SaveProblem { get; private set; }

    /// <summary>A leader or equal member joined.</summary>
    internal void Enter()
    {
        lock (sync)
        {
            members++;
        }
    }

    /// <summary>A member left; when the last leaves before the session ended, the tuner discards the session.</summary>
    internal void Leave()
    {
        bool discard;
        lock (sync)
        {
            discard = --members == 0 && finishedReason is null;
        }

        if (discard)
        {
            owner.Discard(this);
        }
    }

    /// <summary>The next candidate to evaluate, or null when the session has ended or another member is evaluating one.</summary>
    internal TuningConfiguration? TryBegin()
    {
        TuningResult? finished = null;
        TuningConfiguration? candidate;
        lock (sync)
        {
            if (finishedReason is not null || pending is not null)
            {
                return null;
            }

            if (stop.ShouldStop(history))
            {
                finished = Finish(TuningStopReason.StopCondition);
                candidate = null;
            }
            else
            {
                candidate = searcher.Next();
                if (candidate is null)
                {
                    finished = Finish(TuningStopReason.SpaceExhausted);
                }

                pending = candidate;
            }
        }

        if (finished is not null)
        {
            Save(finished);
        }

        return candidate;
    }

    /// <summary>Records the outcome of the candidate <see cref="TryBegin"/> gave out; may end the session.</summary>
    internal TuningRecord Complete(TuningConfiguration candidate, TuningMeasurement measurement)
    {
        ArgumentNullException.ThrowIfNull(candidate);
        ArgumentNullException.ThrowIfNull(measurement);
        TuningResult? finished = null;
        TuningRecord record;
        lock (sync)
        {
            if (pending is null || pending != candidate)
            {
                throw new InvalidOperationException($"Session {Key}: {candidate.Key} is not the candidate being evaluated ({pending?.Key ?? "none"}).");
            }

            pending = null;
            searcher.Report(candidate, measurement);
            record = history.Add(candidate, measurement);
            if (stop.ShouldStop(history))
            {
                finished = Finish(TuningStopReason.StopCondition);
            }
        }

        owner.OnStep(this, record);
        if (finished is not null)
        {
            Save(finished);
        }

        return record;
    }

    private TuningResult Finish(TuningStopReason reason)
    {
        finishedReason = reason;
        return new TuningResult(searcher.Name, history, reason);
    }

    private void Save(TuningResult result)
    {
        var logger = owner.Options.Logger;
        if (result.Best is null)
        {
            SaveProblem = "no candidate validated";
            logger.LogWarning("Tuning {Key} ended without a valid configuration ({Count} evaluated)", Key, result.Evaluated);
        }
        else if (owner.Store is not { } store)
        {
            SaveProblem = owner.StoreProblem ?? "no store";
        }
        else
        {
            try
            {
                var mode = owner.Mode.Mode == TuningMode.Retune ? StoreWriteMode.Replace : StoreWriteMode.KeepFaster;
                Saved = store.Save(TuningStoreEntry.FromResult(Key, result, DateTimeOffset.UtcNow), mode);
            }
            catch (TuningStoreException e)
            {
                SaveProblem = e.Message;
                logger.LogWarning("Could not store the tuning result of {Key}: {Problem}", Key, e.Message);
            }
        }

        logger.LogInformation(
            "Tuned {Key}: best {Best} in {Seconds} s (default {Reference} s) after {Count} evaluations",
            Key, result.Best?.Key, result.BestSeconds, result.ReferenceSeconds, result.Evaluated);
        owner.OnFinished(this);
    }
}
