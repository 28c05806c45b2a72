namespace Oompa.Scheduler.Data;

/// <summary>Registered host memory ranges, so a payload finds its handle and overlapping registrations are refused.</summary>
internal sealed class HandleRegistry
{
    private readonly List<(nint Start, long Bytes, DataHandle Handle)> ranges = [];

    /// <summary>The handle registered for exactly this range, null when the range is free.</summary>
    /// <exception cref="ArgumentException">The range overlaps a registered handle without matching it.</exception>
    public DataHandle? Find(nint start, long bytes, string name)
    {
        int i = LowerBound(start);
        if (i < ranges.Count && ranges[i].Start == start && ranges[i].Bytes == bytes)
        {
            return ranges[i].Handle;
        }

        foreach (int j in new[] { i - 1, i })
        {
            if (j >= 0 && j < ranges.Count && Overlaps(ranges[j].Start, ranges[j].Bytes, start, bytes))
            {
                throw new ArgumentException(
                    $"Payload '{name}' ({bytes} bytes) overlaps the registered handle {ranges[j].Handle} without matching it; " +
                    "register whole buffers, or the same range with the same size.", nameof(start));
            }
        }

        return null;
    }

    /// <summary>Registered handles that overlap the range without matching it exactly.</summary>
    public List<DataHandle> Overlapping(nint start, long bytes)
    {
        var result = new List<DataHandle>();
        int i = LowerBound(start);
        for (int j = Math.Max(0, i - 1); j < ranges.Count && (long)ranges[j].Start < (long)start + Math.Max(bytes, 1); j++)
        {
            var r = ranges[j];
            if (Overlaps(r.Start, r.Bytes, start, bytes) && !(r.Start == start && r.Bytes == bytes))
            {
                result.Add(r.Handle);
            }
        }

        return result;
    }

    public void Add(nint start, long bytes, DataHandle handle) => ranges.Insert(LowerBound(start), (start, bytes, handle));

    public void Remove(DataHandle handle) => ranges.RemoveAll(r => ReferenceEquals(r.Handle, handle));

    private static bool Overlaps(nint a, long aBytes, nint b, long bBytes) =>
        (long)a < (long)b + Math.Max(bBytes, 1) && (long)b < (long)a + Math.Max(aBytes, 1);

    private int LowerBound(nint start)
    {
        int lo = 0, hi = ranges.Count;
        while (lo < hi)
        {
            int mid = (lo + hi) >>> 1;
            if (ranges[mid].Start < start)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }

        return lo;
    }
}
