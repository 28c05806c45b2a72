using Oompa.Tuning.Groups;
using Oompa.Tuning.Spaces;
using Oompa.Tuning.Store;

namespace Oompa.Tuning.Dynamic;

/// <summary>What a tunable strategy tells the <see cref="KernelTuner"/> when it joins: which kernel, where, and for what group.</summary>
/// <param name="Device">The device identity (vendor, name, driver, compute units), for example <c>IDevice.Identity</c>.</param>
/// <param name="Kernel">The kernel's stable name, for example <c>Initialization.Fill</c>.</param>
/// <param name="SourceHash">The hash of the kernel source (<see cref="TuningStoreKey.HashSource"/>): editing the kernel invalidates results.</param>
/// <param name="Space">The kernel's tuning space.</param>
/// <param name="Signature">The group signature of this request.</param>
public sealed record KernelTuningRequest(string Device, string Kernel, string SourceHash, TuningSpace Space, GroupSignature Signature)
{
    /// <summary>How the strategy relates to other groups; <see cref="GroupRelation.Auto"/> by default.</summary>
    public GroupRelation Relation { get; init; } = GroupRelation.Auto;

    /// <summary>For <see cref="GroupRelation.Similar"/>: the leader group's signature; null to follow the nearest group.</summary>
    public GroupSignature? Leader { get; init; }

    /// <summary>The store key of this request's group.</summary>
    public TuningStoreKey Key => new(Device, Kernel, SourceHash, Signature.Text);

    /// <summary>Whether <paramref name="key"/> is a group of the same device, kernel and source.</summary>
    public bool IsSameKernel(TuningStoreKey key) =>
        key is not null && key.Device == Device && key.Strategy == Kernel && key.SourceHash == SourceHash;
}
