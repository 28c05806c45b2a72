namespace Oompa.Core.Devices.OpenCl;

/// <summary>
/// A command's completion event. Wait for it, chain other commands after it, or read its profiling times (queues are
/// created with profiling enabled). Disposing releases the native event; the command itself is unaffected.
/// </summary>
public sealed unsafe class OpenClEvent : IDisposable
{
    private readonly OpenClHandle handle;

    internal OpenClEvent(nint evt, string command, OpenClObjectCounters counters)
    {
        handle = new OpenClHandle(evt, OpenClObjectKind.Event, counters);
        Command = command;
    }

    /// <summary>What the command was, for messages and traces (for example <c>kernel fill</c> or <c>write 4096 B</c>).</summary>
    public string Command { get; }

    /// <summary>The native <c>cl_event</c>, valid until this object is disposed.</summary>
    public nint NativeHandle => handle.Value;

    /// <summary>Whether the command has completed (<c>CL_COMPLETE</c>).</summary>
    public bool IsComplete
    {
        get
        {
            int status;
            OpenClError.ThrowIfFailed(OpenClNative.clGetEventInfo(handle.Value, OpenClNative.EventCommandExecutionStatus, sizeof(int), &status, null), "clGetEventInfo");
            if (status < 0)
            {
                OpenClError.ThrowIfFailed(status, $"command '{Command}'");
            }

            return status == 0;
        }
    }

    /// <summary>Blocks until the command completes; throws when it failed.</summary>
    public void Wait()
    {
        nint e = handle.Value;
        OpenClError.ThrowIfFailed(OpenClNative.clWaitForEvents(1, &e), $"clWaitForEvents ({Command})");
    }

    /// <summary>Waits, then returns the command's profiling timestamps.</summary>
    public OpenClEventTimes Times()
    {
        Wait();
        return new OpenClEventTimes(
            Profiling(OpenClNative.ProfilingCommandQueued),
            Profiling(OpenClNative.ProfilingCommandSubmit),
            Profiling(OpenClNative.ProfilingCommandStart),
            Profiling(OpenClNative.ProfilingCommandEnd));
    }

    /// <summary>Waits, then returns how long the device spent executing the command (end minus start).</summary>
    public TimeSpan Duration() => Times().Execution;

    /// <inheritdoc />
    public void Dispose() => handle.Dispose();

    /// <summary>Formats as the command's description.</summary>
    public override string ToString() => Command;

    private ulong Profiling(uint param)
    {
        ulong value;
        OpenClError.ThrowIfFailed(OpenClNative.clGetEventProfilingInfo(handle.Value, param, sizeof(ulong), &value, null), "clGetEventProfilingInfo");
        return value;
    }
}
