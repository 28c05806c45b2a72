namespace Oompa.Algorithms.Common;

/// <summary>
/// How a multi-threaded CPU strategy splits a batch: over signals when there are enough of them, and additionally
/// within each signal when a few large signals would leave threads idle. There is no limit on the batch size.
/// </summary>
internal static class SignalChunking
{
    /// <summary>Below this many elements per chunk, splitting a signal costs more than it gains.</summary>
    public const long MinChunkElements = 1 << 15;

    /// <summary>
    /// Chunks per signal for <paramref name="threads"/> threads, <paramref name="signals"/> signals of
    /// <paramref name="elements"/> elements each: 1 when single-threaded, when the batch alone feeds every thread, or
    /// when the signals are small; otherwise enough chunks to give every thread about two.
    /// </summary>
    public static int ChunksPerSignal(int threads, int signals, long elements)
    {
        if (threads <= 1 || signals >= threads || elements < 2 * MinChunkElements)
        {
            return 1;
        }

        long wanted = ((2L * threads) + signals - 1) / signals;
        return (int)Math.Clamp(Math.Min(wanted, elements / MinChunkElements), 1, 1024);
    }

    /// <summary>Box-linear range [from, to) of chunk <paramref name="chunk"/> of <paramref name="chunks"/> over <paramref name="count"/> elements.</summary>
    public static (long From, long To) Range(long count, int chunks, int chunk) =>
        (count * chunk / chunks, count * (chunk + 1) / chunks);
}
