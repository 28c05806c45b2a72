using Oompa.Tuning.Groups;
using Oompa.Tuning.Spaces;
using Oompa.Tuning.Store;

namespace Oompa.Tuning.Dynamic;

/// <summary>Finding leaders of similar members and the nearest group to start a new session from.</summary>
public sealed partial class KernelTuner
{
    /// <summary>
    /// The lease of a similar member, or null. Live sessions come first, then stored results (automatic relations use
    /// stored results only when they are trusted, i.e. not while retuning). An automatic relation follows only groups whose
    /// signature differs in batch counts alone; an explicit one follows the named leader, or else the nearest group.
    /// </summary>
    private TuningLease? FindLeader(KernelTuningRequest request, bool useStored)
    {
        bool automatic = request.Relation == GroupRelation.Auto;
        bool storedToo = useStored || !automatic;
        Func<GroupSignature, bool> accepts = request.Leader is { } named
            ? s => s.Equals(named)
            : automatic ? s => s.DiffersOnlyInBatch(request.Signature) : s => !s.Equals(request.Signature);

        var live = sessions.Values
            .Where(s => request.IsSameKernel(s.Key) && request.Space.IsValid(s.Best))
            .Select(s => (Session: s, Signature: GroupSignature.TryParse(s.Key.Group)))
            .Where(c => c.Signature is not null && accepts(c.Signature))
            .OrderBy(c => c.Signature!.DistanceTo(request.Signature))
            .ThenBy(c => c.Session.Key.Group, StringComparer.Ordinal)
            .Select(c => c.Session)
            .FirstOrDefault();
        if (live is not null)
        {
            return new TuningLease(request, GroupRole.Similar, live.Best, live, live.Key);
        }

        if (!storedToo)
        {
            return null;
        }

        var stored = StoredOfKernel(request)
            .Where(c => accepts(c.Signature))
            .OrderBy(c => c.Signature.DistanceTo(request.Signature))
            .ThenBy(c => c.Entry.Key.Group, StringComparer.Ordinal)
            .Select(c => c.Entry)
            .FirstOrDefault();
        return stored is null ? null : new TuningLease(request, GroupRole.Similar, stored.Configuration, null, stored.Key);
    }

    /// <summary>
    /// The best configuration of the group nearest to the request (by <see cref="GroupSignature.DistanceTo"/>) among
    /// stored results and finished sessions of the same kernel, source and device, or (null, null) when there is none.
    /// </summary>
    private (TuningConfiguration? Start, TuningStoreKey? From) Nearest(KernelTuningRequest request)
    {
        var finished = sessions.Values
            .Where(s => s.IsFinished && request.IsSameKernel(s.Key) && GroupSignature.TryParse(s.Key.Group) is not null)
            .Select(s => (Configuration: s.Best, s.Key, Signature: GroupSignature.Parse(s.Key.Group)));
        var stored = StoredOfKernel(request).Select(c => (c.Entry.Configuration, c.Entry.Key, c.Signature));
        var nearest = finished.Concat(stored)
            .Where(c => request.Space.IsValid(c.Configuration))
            .OrderBy(c => c.Signature.DistanceTo(request.Signature))
            .ThenBy(c => c.Key.Group, StringComparer.Ordinal)
            .FirstOrDefault();
        return nearest.Key is null ? (null, null) : (nearest.Configuration, nearest.Key);
    }

    private IEnumerable<(TuningStoreEntry Entry, GroupSignature Signature)> StoredOfKernel(KernelTuningRequest request) =>
        (Store?.Entries ?? [])
            .Where(e => request.IsSameKernel(e.Key) && request.Space.IsValid(e.Configuration))
            .Select(e => (Entry: e, Signature: GroupSignature.TryParse(e.Key.Group)!))
            .Where(c => c.Signature is not null);
}
