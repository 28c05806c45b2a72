namespace Oompa.Algorithms.Correlation;

/// <summary>
/// The order in which <see cref="Correlation"/> writes its outputs, and the mapping between an output index and the
/// pair (i, j) = (image of Data1, image of Data2 — or of Data1 again for <see cref="CorrelationMode.WithinBatch"/>).
/// </summary>
/// <remarks>
/// AllPairs (M × N): index = i·N + j, i in [0, M), j in [0, N).
/// WithinBatch (n images): pairs i &lt; j in the order (0,1), (0,2), …, (0,n−1), (1,2), …, (n−2,n−1);
/// index = i·n − i(i+1)/2 + (j − i − 1).
/// </remarks>
public sealed record CorrelationPairs
{
    private CorrelationPairs(CorrelationMode mode, int first, int second, long count)
    {
        Mode = mode;
        First = first;
        Second = second;
        Count = count;
    }

    /// <summary>The enumeration.</summary>
    public CorrelationMode Mode { get; }

    /// <summary>Images of Data1 (M, or n for WithinBatch).</summary>
    public int First { get; }

    /// <summary>Images of Data2 (N); equal to <see cref="First"/> for WithinBatch.</summary>
    public int Second { get; }

    /// <summary>Number of outputs: M·N, or n(n−1)/2.</summary>
    public long Count { get; }

    /// <summary>Every image of a batch of <paramref name="m"/> against every image of a batch of <paramref name="n"/>.</summary>
    public static CorrelationPairs AllPairs(int m, int n)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(m, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(n, 1);
        return new(CorrelationMode.AllPairs, m, n, (long)m * n);
    }

    /// <summary>All pairs i &lt; j within one batch of <paramref name="n"/> images (none when n is 1).</summary>
    public static CorrelationPairs WithinBatch(int n)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(n, 1);
        return new(CorrelationMode.WithinBatch, n, n, (long)n * (n - 1) / 2);
    }

    /// <summary>The pairs for <paramref name="mode"/>; <paramref name="n2"/> is ignored for WithinBatch.</summary>
    public static CorrelationPairs For(CorrelationMode mode, int n1, int n2) =>
        mode == CorrelationMode.WithinBatch ? WithinBatch(n1) : AllPairs(n1, n2);

    /// <summary>The output index of pair (<paramref name="i"/>, <paramref name="j"/>).</summary>
    /// <exception cref="ArgumentOutOfRangeException">The pair is not part of this enumeration.</exception>
    public long IndexOf(int i, int j)
    {
        if (Mode == CorrelationMode.AllPairs)
        {
            if ((uint)i >= (uint)First || (uint)j >= (uint)Second)
            {
                throw new ArgumentOutOfRangeException(nameof(i), $"({i}, {j}) is not a pair of {First} × {Second} images.");
            }

            return ((long)i * Second) + j;
        }

        if (i < 0 || j <= i || j >= First)
        {
            throw new ArgumentOutOfRangeException(nameof(i), $"({i}, {j}) is not a pair i < j of {First} images.");
        }

        return Start(i) + (j - i - 1);
    }

    /// <summary>The pair (i, j) written at output <paramref name="index"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The index is outside [0, <see cref="Count"/>).</exception>
    public (int I, int J) PairOf(long index)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, Count);
        if (Mode == CorrelationMode.AllPairs)
        {
            return ((int)(index / Second), (int)(index % Second));
        }

        // Start(i) = i·n − i(i+1)/2 is the index of (i, i+1); solve Start(i) ≤ index for the largest i, then correct
        // the floating-point estimate exactly.
        double b = (2.0 * First) - 1;
        int row = (int)Math.Floor((b - Math.Sqrt(Math.Max(0, (b * b) - (8.0 * index)))) / 2);
        row = Math.Clamp(row, 0, First - 2);
        while (row > 0 && Start(row) > index)
        {
            row--;
        }

        while (row < First - 2 && Start(row + 1) <= index)
        {
            row++;
        }

        return (row, (int)(index - Start(row)) + row + 1);
    }

    private long Start(int i) => ((long)i * First) - ((long)i * (i + 1) / 2);
}
