namespace Oompa.Algorithms.Common;

/// <summary>
/// Splits a range of independent work items (rows) into contiguous chunks and runs them in parallel, a few chunks per
/// thread so that uneven chunks balance out; small jobs run on the calling thread.
/// </summary>
internal static class Chunked
{
    /// <summary>Below this many elements of work in total, threads cost more than they save.</summary>
    public const long MinParallelElements = 1 << 17;

    /// <summary>Runs <paramref name="body"/>(start, end) over [0, <paramref name="count"/>) in chunks.</summary>
    /// <param name="count">Number of work items.</param>
    /// <param name="elementsPerItem">Elements one item touches, to decide whether threads pay.</param>
    /// <param name="threads">Threads allowed.</param>
    /// <param name="options">Options bounding the parallelism.</param>
    /// <param name="body">Processes items [start, end); called once per chunk, never per element.</param>
    public static void Run(long count, long elementsPerItem, int threads, ParallelOptions options, Action<long, long> body)
    {
        if (count <= 0)
        {
            return;
        }

        if (threads <= 1 || count == 1 || count * elementsPerItem < MinParallelElements)
        {
            body(0, count);
            return;
        }

        int chunks = (int)Math.Min(count, threads * 4L);
        Parallel.For(0, chunks, options, c => body(count * c / chunks, count * (c + 1) / chunks));
    }
}
