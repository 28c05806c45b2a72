using Microsoft.Extensions.Logging;
using Oompa.Tuning.Groups;
using Oompa.Tuning.Spaces;
using Oompa.Tuning.Store;

namespace Oompa.Tuning.Dynamic;

/// <summary>
/// Places tunable strategies in strategy groups and runs their dynamic tuning sessions. A strategy
/// <see cref="Join">joins</see> with its kernel, device and group signature and gets a <see cref="TuningLease"/> that says
/// which configuration to run and whether to evaluate candidates. The process-wide instance is <see cref="Shared"/>
/// (mode from <c>OOMPA_TUNING</c>, use-stored when unset); <see cref="Use"/> overrides it for the current asynchronous
/// flow (tests, benchmarks). Thread-safe.
/// </summary>
public sealed partial class KernelTuner
{
    private static readonly AsyncLocal<KernelTuner?> Scoped = new();
    private static readonly Lock SharedSync = new();
    private static KernelTuner? shared;

    private readonly Lock sync = new();
    private readonly Dictionary<TuningStoreKey, TuningSession> sessions = [];
    private readonly Lazy<TuningStore?> store;
    private int steps;

    /// <summary>Creates a tuner; the store is opened on first use.</summary>
    public KernelTuner(KernelTunerOptions? options = null)
    {
        Options = options ?? new KernelTunerOptions();
        store = new Lazy<TuningStore?>(OpenStore, LazyThreadSafetyMode.ExecutionAndPublication);
    }

    /// <summary>Raised after every evaluated candidate, on the thread that evaluated it.</summary>
    public event EventHandler<TuningStepEventArgs>? StepCompleted;

    /// <summary>Raised when a session ends, after its result was stored.</summary>
    public event EventHandler<TuningSession>? SessionFinished;

    /// <summary>
    /// The process-wide tuner. Created on first use from <c>OOMPA_TUNING</c> (use-stored when unset) and the default
    /// store folder; set it to configure tuning in code.
    /// </summary>
    /// <exception cref="FormatException">On first use, <c>OOMPA_TUNING</c> holds an invalid setting.</exception>
    public static KernelTuner Shared
    {
        get
        {
            lock (SharedSync)
            {
                return shared ??= new KernelTuner(KernelTunerOptions.FromEnvironment());
            }
        }

        set
        {
            ArgumentNullException.ThrowIfNull(value);
            lock (SharedSync)
            {
                shared = value;
            }
        }
    }

    /// <summary>The tuner strategies use now: the one set by <see cref="Use"/> in this asynchronous flow, else <see cref="Shared"/>.</summary>
    public static KernelTuner Current => Scoped.Value ?? Shared;

    /// <summary>The options.</summary>
    public KernelTunerOptions Options { get; }

    /// <summary>The mode.</summary>
    public TuningModeSetting Mode => Options.Mode;

    /// <summary>The store; null when the mode is off or the store could not be opened (<see cref="StoreProblem"/> says why).</summary>
    public TuningStore? Store => store.Value;

    /// <summary>Why <see cref="Store"/> is null while the mode needs it; null otherwise.</summary>
    public string? StoreProblem { get; private set; }

    /// <summary>Candidates evaluated by every session of this tuner.</summary>
    public int Steps => Volatile.Read(ref steps);

    /// <summary>The sessions of this tuner: live ones and finished ones (an unfinished session whose strategies were all disposed is dropped).</summary>
    public IReadOnlyList<TuningSession> Sessions
    {
        get
        {
            lock (sync)
            {
                return [.. sessions.Values];
            }
        }
    }

    /// <summary>Makes <paramref name="tuner"/> the <see cref="Current"/> tuner of this asynchronous flow until disposal.</summary>
    public static IDisposable Use(KernelTuner tuner)
    {
        ArgumentNullException.ThrowIfNull(tuner);
        var previous = Scoped.Value;
        Scoped.Value = tuner;
        return new Scope(previous);
    }

    /// <summary>
    /// Places a strategy: runs the default when the mode is off; joins a live session of the same group (equal member);
    /// uses the group's stored best (not when retuning); follows a similar group (by request, or automatically one whose
    /// signature differs only in batch counts); else, when the mode tunes, leads a new session that starts from the
    /// nearest stored group's best; else runs the default.
    /// </summary>
    public TuningLease Join(KernelTuningRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var space = request.Space;
        if (Mode.Mode == TuningMode.Off)
        {
            return new TuningLease(request, GroupRole.Default, space.Default, null, null);
        }

        var key = request.Key;
        bool useStored = Mode.Mode != TuningMode.Retune;
        lock (sync)
        {
            if (request.Relation != GroupRelation.Similar && sessions.TryGetValue(key, out var own))
            {
                own.Enter();
                return new TuningLease(request, GroupRole.Equal, own.Best, own, key);
            }

            if (request.Relation != GroupRelation.Similar && useStored && Stored(key) is { } entry && space.IsValid(entry.Configuration))
            {
                return new TuningLease(request, GroupRole.Stored, entry.Configuration, null, key);
            }

            if (request.Relation != GroupRelation.Equal && FindLeader(request, useStored) is { } leader)
            {
                return leader;
            }

            if (request.Relation == GroupRelation.Similar)
            {
                return new TuningLease(request, GroupRole.Default, space.Default, null, null);
            }

            if (Mode.Mode is TuningMode.Tune or TuningMode.Retune)
            {
                var (start, from) = Nearest(request);
                var session = new TuningSession(this, request, start, from);
                sessions[key] = session;
                session.Enter();
                Options.Logger.LogDebug("Tuning {Key}, starting from {Start}", key, start?.Key ?? "the default");
                return new TuningLease(request, GroupRole.Leader, space.Default, session, key);
            }
        }

        return new TuningLease(request, GroupRole.Default, space.Default, null, null);
    }

    internal void OnStep(TuningSession session, TuningRecord record)
    {
        Interlocked.Increment(ref steps);
        StepCompleted?.Invoke(this, new TuningStepEventArgs(session, record));
    }

    internal void OnFinished(TuningSession session) => SessionFinished?.Invoke(this, session);

    /// <summary>Forgets a session whose members all left before it ended: a later strategy of the group starts afresh.</summary>
    internal void Discard(TuningSession session)
    {
        lock (sync)
        {
            if (sessions.TryGetValue(session.Key, out var known) && ReferenceEquals(known, session))
            {
                sessions.Remove(session.Key);
            }
        }

        Options.Logger.LogDebug("Discarded the unfinished tuning session of {Key} after {Steps} steps", session.Key, session.Steps);
    }

    private TuningStore? OpenStore()
    {
        if (Mode.Mode == TuningMode.Off)
        {
            return null;
        }

        string directory = Options.StoreDirectory ?? TuningStore.DefaultDirectory();
        try
        {
            return new TuningStore(directory);
        }
        catch (Exception e) when (e is TuningStoreException or IOException or UnauthorizedAccessException)
        {
            StoreProblem = e.Message;
            Options.Logger.LogWarning("Tuning store unavailable, running without stored results: {Problem}", e.Message);
            return null;
        }
    }

    private TuningStoreEntry? Stored(TuningStoreKey key) =>
        Store is { } s && s.TryGet(key, out var entry) ? entry : null;

    private sealed class Scope(KernelTuner? previous) : IDisposable
    {
        public void Dispose() => Scoped.Value = previous;
    }
}
