using Oompa.Core.Data;

namespace Oompa.Algorithms.Reconstruction.Insertion.Cpu;

/// <summary>
/// Voxel positions and addresses along one line of a traverse plane (outer coordinate fixed): the frequency
/// K = v − (R, R, R), its projection-frame position M·K, and the offsets into the volume and the weights.
/// </summary>
internal readonly unsafe struct VoxelGeometry
{
    private readonly InsertionContext ctx;
    private readonly float ax, ay, az;   // M·e_a
    private readonly float cx, cy, cz;   // M·e_c
    private readonly float bx, by, bz;   // M·(b − R)·e_b
    private readonly float kb2;          // (b − R)²
    private readonly long volumeStrideA, volumeStrideC, volumeLine;
    private readonly long weightStrideA, weightStrideC, weightLine;

    public VoxelGeometry(in InsertionContext ctx, in PlaneWalk plane, int b)
    {
        this.ctx = ctx;
        (ax, ay, az) = Column(ctx, plane.InnerAxis);
        (cx, cy, cz) = Column(ctx, plane.SolvedAxis);
        var (ox, oy, oz) = Column(ctx, plane.OuterAxis);
        float kb = b - ctx.HalfSize;
        (bx, by, bz) = (ox * kb, oy * kb, oz * kb);
        kb2 = kb * kb;
        var s = ctx.Layout;
        volumeStrideA = Stride(plane.InnerAxis, s.VolumeRow, s.VolumePlane);
        volumeStrideC = Stride(plane.SolvedAxis, s.VolumeRow, s.VolumePlane);
        volumeLine = s.VolumeOrigin + (b * Stride(plane.OuterAxis, s.VolumeRow, s.VolumePlane));
        weightStrideA = Stride(plane.InnerAxis, s.WeightRow, s.WeightPlane);
        weightStrideC = Stride(plane.SolvedAxis, s.WeightRow, s.WeightPlane);
        weightLine = s.WeightOrigin + (b * Stride(plane.OuterAxis, s.WeightRow, s.WeightPlane));
    }

    /// <summary>The projection-frame position of voxel (a, c) on this line; false when |K|² exceeds MaxDistanceSqr.</summary>
    public bool Locate(int a, int c, out float px, out float py, out float pz)
    {
        float ka = a - ctx.HalfSize;
        float kc = c - ctx.HalfSize;
        if ((ka * ka) + kb2 + (kc * kc) > ctx.MaxDistanceSqr)
        {
            px = py = pz = 0;
            return false;
        }

        px = (ax * ka) + bx + (cx * kc);
        py = (ay * ka) + by + (cy * kc);
        pz = (az * ka) + bz + (cz * kc);
        return true;
    }

    /// <summary>Adds to voxel (a, c) of this line.</summary>
    public void Add(int a, int c, float re, float im, float weight)
    {
        ComplexF* g = ctx.Volume + volumeLine + (a * volumeStrideA) + (c * volumeStrideC);
        *g = new ComplexF(g->Re + re, g->Im + im);
        ctx.Weights[weightLine + (a * weightStrideA) + (c * weightStrideC)] += weight;
    }

    private static (float X, float Y, float Z) Column(in InsertionContext m, int axis) => axis switch
    {
        0 => (m.M00, m.M10, m.M20),
        1 => (m.M01, m.M11, m.M21),
        _ => (m.M02, m.M12, m.M22),
    };

    private static long Stride(int axis, long row, long plane) => axis switch
    {
        0 => 1,
        1 => row,
        _ => plane,
    };
}
