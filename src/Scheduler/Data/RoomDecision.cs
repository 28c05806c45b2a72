namespace Oompa.Scheduler.Data;

/// <summary>The outcome of making room on a node: go ahead, wait for something then retry, or give up.</summary>
internal readonly record struct RoomDecision(bool Fits, Task? WaitFor, string? Failure)
{
    public static RoomDecision Ok { get; } = new(true, null, null);

    public static RoomDecision Wait(Task task) => new(false, task, null);

    public static RoomDecision Fail(string why) => new(false, null, why);
}
