namespace Oompa.Samples.FlexAlign.Global;

/// <summary>What the global alignment found.</summary>
public sealed class GlobalAlignmentResult
{
    internal GlobalAlignmentResult(CorrelationGeometry geometry, IReadOnlyList<PairShift> pairs, ShiftSolution solution, float[]? sum)
    {
        Geometry = geometry;
        Pairs = pairs;
        Solution = solution;
        AlignedSum = sum;
        CorrectiveShifts = [.. solution.Positions.Select(p => -p)];
    }

    /// <summary>Cropped size, filter and search box used.</summary>
    public CorrelationGeometry Geometry { get; }

    /// <summary>Every measured pair (drift of the later frame relative to the earlier one, in original pixels).</summary>
    public IReadOnlyList<PairShift> Pairs { get; }

    /// <summary>The least-squares solution with its rejected equations.</summary>
    public ShiftSolution Solution { get; }

    /// <summary>Drift of every frame relative to the first (pixels).</summary>
    public IReadOnlyList<FrameShift> Drifts => Solution.Positions;

    /// <summary>RELION's convention: the shift that corrects each frame, relative to the first, = −drift (pixels).</summary>
    public IReadOnlyList<FrameShift> CorrectiveShifts { get; }

    /// <summary>The aligned sum as an array (null when not requested).</summary>
    internal float[]? AlignedSum { get; }

    /// <summary>The aligned sum (Width × Height, X fastest; null when not requested); the returned array is the result's own.</summary>
    public float[]? GetAlignedSum() => AlignedSum;
}
