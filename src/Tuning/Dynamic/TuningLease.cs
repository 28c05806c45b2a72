using Oompa.Tuning.Groups;
using Oompa.Tuning.Spaces;
using Oompa.Tuning.Store;

namespace Oompa.Tuning.Dynamic;

/// <summary>
/// A strategy's place in tuning, from <see cref="KernelTuner.Join"/> until disposal. <see cref="Configuration"/> is what
/// the strategy runs for the user's outputs: the default, a stored best, the best of a live session (which improves as
/// the session validates faster candidates) or a similar group's best. A strategy that <see cref="IsTuning"/> asks
/// <see cref="NextCandidate"/> on each execution; when it gets one it evaluates it on scratch copies, validated against
/// the outputs <see cref="Configuration"/> produced, and <see cref="Report">reports</see> the measurement.
/// Not thread-safe: one strategy instance uses one lease.
/// </summary>
public sealed class TuningLease : IDisposable
{
    private readonly TuningConfiguration fixedConfiguration;
    private readonly TuningSession? session;
    private TuningConfiguration? pending;
    private bool declined;
    private bool disposed;

    internal TuningLease(KernelTuningRequest request, GroupRole role, TuningConfiguration configuration, TuningSession? session, TuningStoreKey? source)
    {
        Request = request;
        Role = role;
        fixedConfiguration = configuration;
        this.session = session;
        Source = source;
    }

    /// <summary>What the strategy asked for.</summary>
    public KernelTuningRequest Request { get; }

    /// <summary>The group's store key.</summary>
    public TuningStoreKey Key => Request.Key;

    /// <summary>The part the strategy plays.</summary>
    public GroupRole Role { get; }

    /// <summary>Where <see cref="Configuration"/> comes from: this group's key, or the leader's for a similar member; null for the default.</summary>
    public TuningStoreKey? Source { get; }

    /// <summary>The session this lease follows (its own group's, or a similar member's leader's); null when none is live.</summary>
    public TuningSession? Session => session;

    /// <summary>The configuration to run for the user's outputs now.</summary>
    public TuningConfiguration Configuration =>
        declined ? Request.Space.Default : session?.Best ?? fixedConfiguration;

    /// <summary>Whether this strategy may still evaluate candidates.</summary>
    public bool IsTuning => !disposed && !declined && StoppedReason is null && Role is GroupRole.Leader or GroupRole.Equal && session is { IsFinished: false };

    /// <summary>Why this strategy stopped tuning early (for example no memory for scratch copies); null otherwise.</summary>
    public string? StoppedReason { get; private set; }

    /// <summary>The candidates this strategy evaluated.</summary>
    public int Steps { get; private set; }

    /// <summary>
    /// The next candidate to evaluate on this execution, or null (not tuning, the session ended, or another member is
    /// evaluating one). A candidate must be reported before the next is asked for.
    /// </summary>
    public TuningConfiguration? NextCandidate()
    {
        ObjectDisposedException.ThrowIf(disposed, this);
        if (pending is not null)
        {
            throw new InvalidOperationException($"Report the outcome of {pending.Key} before asking for another candidate.");
        }

        if (!IsTuning)
        {
            return null;
        }

        pending = session!.TryBegin();
        return pending;
    }

    /// <summary>Reports the outcome of the candidate <see cref="NextCandidate"/> gave out.</summary>
    public TuningRecord Report(TuningConfiguration candidate, TuningMeasurement measurement)
    {
        ArgumentNullException.ThrowIfNull(candidate);
        ArgumentNullException.ThrowIfNull(measurement);
        if (pending is null || pending != candidate)
        {
            throw new InvalidOperationException($"{candidate.Key} is not the candidate this strategy is evaluating ({pending?.Key ?? "none"}).");
        }

        pending = null;
        Steps++;
        return session!.Complete(candidate, measurement);
    }

    /// <summary>
    /// The strategy could not run <see cref="Configuration"/> (for example a stored configuration that exceeds this
    /// request's limits): the lease runs the default from now on and stops tuning.
    /// </summary>
    public void Decline(string reason)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        StoppedReason ??= $"declined {Configuration.Key}: {reason}";
        declined = true;
    }

    /// <summary>This strategy can evaluate no more candidates (its group's session goes on with other members).</summary>
    public void StopTuning(string reason)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        StoppedReason ??= reason;
    }

    /// <summary>
    /// Leaves the group; a candidate still out is reported as failed so the session can go on. When the last member of
    /// an unfinished session leaves, the session is discarded without storing anything.
    /// </summary>
    public void Dispose()
    {
        if (disposed)
        {
            return;
        }

        if (pending is { } candidate)
        {
            Report(candidate, TuningMeasurement.Failure(TuningStatus.ComputationFailed, "the strategy was disposed before reporting the candidate."));
        }

        disposed = true;
        if (Role is GroupRole.Leader or GroupRole.Equal)
        {
            session?.Leave();
        }
    }

    /// <summary>Formats as the role and key.</summary>
    public override string ToString() => $"{Role} {Key}";
}
