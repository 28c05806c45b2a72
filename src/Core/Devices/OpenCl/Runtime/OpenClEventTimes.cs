namespace Oompa.Core.Devices.OpenCl;

/// <summary>Profiling timestamps of one command, in device nanoseconds.</summary>
/// <param name="Queued">When the host enqueued the command.</param>
/// <param name="Submitted">When it was submitted to the device.</param>
/// <param name="Started">When it started executing.</param>
/// <param name="Ended">When it finished.</param>
public readonly record struct OpenClEventTimes(ulong Queued, ulong Submitted, ulong Started, ulong Ended)
{
    /// <summary>Execution time on the device (<see cref="Ended"/> − <see cref="Started"/>).</summary>
    public TimeSpan Execution => TimeSpan.FromTicks((long)(ExecutionNanoseconds / 100));

    /// <summary>Execution time in nanoseconds.</summary>
    public ulong ExecutionNanoseconds => Ended > Started ? Ended - Started : 0;
}
