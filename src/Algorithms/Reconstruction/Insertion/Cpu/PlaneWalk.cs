namespace Oompa.Algorithms.Reconstruction.Insertion.Cpu;

/// <summary>
/// A traverse space's plane in axis-neutral form: the inner axis a, the outer axis b (the lines threads share out),
/// and the solved axis c, each 0 (x), 1 (y) or 2 (z), with the bounding box clipped to the volume and the normal and
/// slab origins permuted to (a, b, c).
/// </summary>
internal readonly record struct PlaneWalk(
    int InnerAxis, int OuterAxis, int SolvedAxis,
    int InnerMin, int InnerMax, int OuterMin, int OuterMax, int SolvedMin, int SolvedMax,
    float Na, float Nb, float Nc,
    float BottomA, float BottomB, float BottomC,
    float TopA, float TopB, float TopC)
{
    public int OuterCount => OuterMax - OuterMin + 1;

    public int InnerCount => InnerMax - InnerMin + 1;

    public static PlaneWalk Of(in TraverseSpace s, int halfSize)
    {
        var (a, b, c) = s.Direction switch
        {
            TraverseDirection.XY => (0, 1, 2),
            TraverseDirection.XZ => (0, 2, 1),
            _ => (1, 2, 0),
        };

        int last = 2 * halfSize;
        Span<int> min = [Math.Max(s.MinX, 0), Math.Max(s.MinY, 0), Math.Max(s.MinZ, 0)];
        Span<int> max = [Math.Min(s.MaxX, last), Math.Min(s.MaxY, last), Math.Min(s.MaxZ, last)];
        Span<float> n = [s.NormalX, s.NormalY, s.NormalZ];
        Span<float> bottom = [s.BottomOriginX, s.BottomOriginY, s.BottomOriginZ];
        Span<float> top = [s.TopOriginX, s.TopOriginY, s.TopOriginZ];
        return new PlaneWalk(
            a, b, c,
            min[a], max[a], min[b], max[b], min[c], max[c],
            n[a], n[b], n[c],
            bottom[a], bottom[b], bottom[c],
            top[a], top[b], top[c]);
    }

    /// <summary>The solved coordinate on the plane through the bottom origin at (a, b).</summary>
    public float SolveBottom(float a, float b) => BottomC - (((Na * (a - BottomA)) + (Nb * (b - BottomB))) / Nc);

    /// <summary>The solved coordinate on the plane through the top origin at (a, b).</summary>
    public float SolveTop(float a, float b) => TopC - (((Na * (a - TopA)) + (Nb * (b - TopB))) / Nc);
}
