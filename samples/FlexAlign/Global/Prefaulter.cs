using System.Runtime.InteropServices;

namespace Oompa.Samples.FlexAlign.Global;

/// <summary>
/// Faults fresh memory in on one background thread, in the order the pipeline will write it, while the pipeline
/// computes. On a virtual machine the first touch of a page is the expensive part of fresh memory (here about 1 s per
/// GiB of one core), and the hypervisor serialises it: two threads faulting at once take twice the CPU time for about
/// the same wall time, and a transform whose threads fault its output pages waits for them. One thread that stays
/// ahead of the writers keeps the pipeline's threads computing; pages it has not reached yet are faulted by their
/// writers as before. Linux only (MADV_POPULATE_WRITE, 5.14+): it faults pages in writable without changing what they
/// hold, so it may run while the pipeline writes the same memory; elsewhere nothing is started.
/// </summary>
internal sealed partial class Prefaulter : IDisposable
{
    private const int MadvisePopulateWrite = 23;
    private const int InvalidArgument = 22;
    private const long Chunk = 2L << 20;
    private const long Page = 4096;
    private static bool unsupported = !OperatingSystem.IsLinux();
    private readonly Thread thread;
    private readonly IReadOnlyList<(nint Start, long Bytes)> ranges;
    private readonly object gate = new();
    private volatile bool stop;
    private int completed;
    private bool finished;

    private Prefaulter(IReadOnlyList<(nint Start, long Bytes)> ranges)
    {
        this.ranges = ranges;
        thread = new Thread(Run) { IsBackground = true, Name = "FlexAlign prefault" };
        thread.Start();
    }

    /// <summary>Starts faulting <paramref name="ranges"/> in, in order; null when there is nothing to do or the platform cannot.</summary>
    public static Prefaulter? Start(IReadOnlyList<(nint Start, long Bytes)> ranges) =>
        unsupported || ranges.Count == 0 ? null : new Prefaulter(ranges);

    /// <summary>
    /// Waits until the first <paramref name="count"/> ranges are faulted in (or the thread gave up), so that the caller's
    /// threads write them without faulting at the same time as this one.
    /// </summary>
    public void WaitFor(int count)
    {
        lock (gate)
        {
            while (completed < count && !finished)
            {
                Monitor.Wait(gate);
            }
        }
    }

    /// <summary>Stops after the chunk in progress and waits: the memory may be freed afterwards.</summary>
    public void Dispose()
    {
        stop = true;
        thread.Join();
    }

    [LibraryImport("libc", SetLastError = true)]
    private static partial int madvise(nint address, nuint length, int advice);

    private void Run()
    {
        var dbg = System.Diagnostics.Stopwatch.StartNew();
        long dbgBytes = 0;
        try
        {
            RunCore(ref dbgBytes);
        }
        finally
        {
            lock (gate)
            {
                finished = true;
                Monitor.PulseAll(gate);
            }

            if (Environment.GetEnvironmentVariable("OOMPA_DEBUG_POP") is not null)
            {
                Console.Error.WriteLine($"prefault {dbgBytes / 1e9:F3} GB in {dbg.Elapsed.TotalSeconds:F3} s, stopped {stop}");
            }
        }
    }

    private void RunCore(ref long dbgBytes)
    {
        foreach (var (start, bytes) in ranges)
        {
            // Whole pages inside the range only.
            long first = (start + Page - 1) & ~(Page - 1);
            long end = (start + bytes) & ~(Page - 1);
            for (long at = first; at < end; at += Chunk)
            {
                if (stop)
                {
                    return;
                }

                if (madvise((nint)at, (nuint)Math.Min(Chunk, end - at), MadvisePopulateWrite) != 0)
                {
                    // EINVAL: the kernel does not know the advice (older than 5.14). Either way the writers fault
                    // their pages themselves, as without this class.
                    unsupported |= Marshal.GetLastPInvokeError() == InvalidArgument;
                    return;
                }

                dbgBytes += Math.Min(Chunk, end - at);
            }

            lock (gate)
            {
                completed++;
                Monitor.PulseAll(gate);
            }
        }
    }
}
