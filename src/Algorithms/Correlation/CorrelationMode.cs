namespace Oompa.Algorithms.Correlation;

/// <summary>Which pairs of images <see cref="Correlation"/> correlates, and in which order it writes them.</summary>
public enum CorrelationMode
{
    /// <summary>
    /// Every image i of <c>Data1</c> (M images) against every image j of <c>Data2</c> (N images): M·N outputs,
    /// output index i·N + j. <c>Data2</c> is required and may be the same payload as <c>Data1</c>.
    /// </summary>
    AllPairs,

    /// <summary>
    /// Every pair i &lt; j within <c>Data1</c> (n images), <c>Data2</c> absent: n(n−1)/2 outputs in the order
    /// (0,1), (0,2), …, (0,n−1), (1,2), …, (n−2,n−1), i.e. output index i·n − i(i+1)/2 + (j − i − 1).
    /// </summary>
    WithinBatch,
}
