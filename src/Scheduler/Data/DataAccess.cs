namespace Oompa.Scheduler.Data;

/// <summary>One data handle used by a task, and how.</summary>
/// <param name="Handle">The handle.</param>
/// <param name="Mode">The access mode.</param>
public readonly record struct DataAccess(DataHandle Handle, AccessMode Mode)
{
    /// <summary>Whether the task reads the data's previous content.</summary>
    public bool Reads => Mode is AccessMode.Read or AccessMode.ReadWrite;

    /// <summary>Whether the task changes the data.</summary>
    public bool Writes => Mode is AccessMode.Write or AccessMode.ReadWrite;
}
