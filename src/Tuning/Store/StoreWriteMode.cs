namespace Oompa.Tuning.Store;

/// <summary>How <see cref="TuningStore.Save"/> treats an entry already stored under the same key.</summary>
public enum StoreWriteMode
{
    /// <summary>Keep whichever of the stored and the new entry has the lower best time (tuning merges results).</summary>
    KeepFaster,

    /// <summary>The new entry replaces the stored one (retuning after a driver or hardware change).</summary>
    Replace,
}
