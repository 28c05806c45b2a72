namespace Oompa.Algorithms.Common;

/// <summary>
/// Walks a range of box-linear indices of a <see cref="BoxGeometry"/> as contiguous row segments, in index order,
/// without allocating: <c>while (cursor.Next(out offset, out index, out length)) { ... }</c>.
/// </summary>
internal struct SegmentCursor
{
    private readonly BoxGeometry box;
    private readonly long to;
    private long next;

    public SegmentCursor(BoxGeometry box, long from, long to)
    {
        this.box = box;
        this.to = to;
        next = from;
    }

    /// <summary>
    /// Moves to the next segment: <paramref name="offset"/> is its element offset from the box origin,
    /// <paramref name="index"/> the box-linear index of its first element, <paramref name="length"/> its element count.
    /// </summary>
    public bool Next(out long offset, out long index, out long length)
    {
        if (next >= to)
        {
            offset = index = length = 0;
            return false;
        }

        index = next;
        offset = box.OffsetOf(next);
        long column = next % box.Width;
        length = Math.Min(box.Width - column, to - next);
        next += length;
        return true;
    }
}
