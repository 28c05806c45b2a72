namespace Oompa.Core.Memory;

/// <summary>Thread-safe live-allocation accounting: tests assert that counts return to zero.</summary>
public sealed class MemoryStatistics
{
    private long liveAllocations;
    private long liveBytes;
    private long totalAllocations;
    private long peakBytes;

    /// <summary>Blocks allocated and not yet released.</summary>
    public long LiveAllocations => Interlocked.Read(ref liveAllocations);

    /// <summary>Bytes allocated and not yet released.</summary>
    public long LiveBytes => Interlocked.Read(ref liveBytes);

    /// <summary>Blocks allocated since creation.</summary>
    public long TotalAllocations => Interlocked.Read(ref totalAllocations);

    /// <summary>The largest <see cref="LiveBytes"/> seen.</summary>
    public long PeakBytes => Interlocked.Read(ref peakBytes);

    /// <summary>Records an allocation.</summary>
    public void OnAllocated(long bytes)
    {
        Interlocked.Increment(ref liveAllocations);
        Interlocked.Increment(ref totalAllocations);
        long now = Interlocked.Add(ref liveBytes, bytes);
        long peak;
        while (now > (peak = Interlocked.Read(ref peakBytes)) && Interlocked.CompareExchange(ref peakBytes, now, peak) != peak)
        {
        }
    }

    /// <summary>Records a release.</summary>
    public void OnReleased(long bytes)
    {
        Interlocked.Decrement(ref liveAllocations);
        Interlocked.Add(ref liveBytes, -bytes);
    }

    /// <summary>Formats the live counts.</summary>
    public override string ToString() => $"{LiveAllocations} live blocks, {LiveBytes} live bytes (peak {PeakBytes})";
}
