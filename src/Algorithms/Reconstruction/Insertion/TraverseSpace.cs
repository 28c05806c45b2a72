using System.Runtime.InteropServices;
using Oompa.Core.Data;

namespace Oompa.Algorithms.Reconstruction.Insertion;

/// <summary>
/// Where one projection, under one symmetry operator, lands in the Fourier volume: what a gather kernel needs to
/// visit exactly the voxels the projection's slab touches. Built on the host by <see cref="TraverseSpaces"/>; a plain
/// 112-byte structure of 28 four-byte fields in declaration order (ints and floats only, no padding), so device
/// kernels declare the same struct (see <c>docs/reconstruction.md</c>, "Insertion contract").
/// </summary>
/// <remarks>
/// Coordinates are volume indices 0..2R of a (2R+1)³ volume whose centre voxel (R, R, R) is the zero frequency.
/// A voxel v has the frequency K = v − (R, R, R); <c>M·K</c> (M = <see cref="M00"/>..<see cref="M22"/>) gives its
/// position in the projection's frame: x and y in the slice, z the distance to the slice.
/// </remarks>
[StructLayout(LayoutKind.Sequential, Pack = 4)]
public readonly record struct TraverseSpace
{
    /// <summary>The size in bytes; also the size of the element type <see cref="DataType"/>.</summary>
    public const int SizeInBytes = 112;

    /// <summary>The element type of traverse-space payloads: <c>Struct(TraverseSpace,112)</c>.</summary>
    public static DataType DataType { get; } = DataType.Struct(SizeInBytes, nameof(TraverseSpace));

    /// <summary>Lowest voxel x of the bounding box (inclusive), clipped to the volume.</summary>
    public int MinX { get; init; }

    /// <summary>Lowest voxel y of the bounding box (inclusive).</summary>
    public int MinY { get; init; }

    /// <summary>Lowest voxel z of the bounding box (inclusive).</summary>
    public int MinZ { get; init; }

    /// <summary>Highest voxel x of the bounding box (inclusive).</summary>
    public int MaxX { get; init; }

    /// <summary>Highest voxel y of the bounding box (inclusive).</summary>
    public int MaxY { get; init; }

    /// <summary>Highest voxel z of the bounding box (inclusive).</summary>
    public int MaxZ { get; init; }

    /// <summary>Voxels with |K|² above this are skipped: (R + slab radius)².</summary>
    public float MaxDistanceSqr { get; init; }

    /// <summary>The plane to iterate (an int in memory: 0 XY, 1 XZ, 2 YZ).</summary>
    public TraverseDirection Direction { get; init; }

    /// <summary>x of the slice's unit normal in volume coordinates (the third column of the projection-to-volume rotation).</summary>
    public float NormalX { get; init; }

    /// <summary>y of the unit normal.</summary>
    public float NormalY { get; init; }

    /// <summary>z of the unit normal.</summary>
    public float NormalZ { get; init; }

    /// <summary>x of the point (R, R, R) + r·n (volume index coordinates): the centre of the slab's face at distance +r
    /// from the slice, r the slab radius (<see cref="FourierInsertionSettings.SlabRadius"/>).</summary>
    public float TopOriginX { get; init; }

    /// <summary>y of the top origin.</summary>
    public float TopOriginY { get; init; }

    /// <summary>z of the top origin.</summary>
    public float TopOriginZ { get; init; }

    /// <summary>x of the point (R, R, R) − r·n: the centre of the slab's face at distance −r (the slice's centre when r = 0).</summary>
    public float BottomOriginX { get; init; }

    /// <summary>y of the bottom origin.</summary>
    public float BottomOriginY { get; init; }

    /// <summary>z of the bottom origin.</summary>
    public float BottomOriginZ { get; init; }

    /// <summary>Which spectrum of the batch (index along N of <see cref="FourierInsertionInput.Spectra"/>) to insert.</summary>
    public int ProjectionIndex { get; init; }

    /// <summary>Row 0, column 0 of M, the rotation from volume frequencies to the projection frame.</summary>
    public float M00 { get; init; }

    /// <summary>M[0,1].</summary>
    public float M01 { get; init; }

    /// <summary>M[0,2].</summary>
    public float M02 { get; init; }

    /// <summary>M[1,0].</summary>
    public float M10 { get; init; }

    /// <summary>M[1,1].</summary>
    public float M11 { get; init; }

    /// <summary>M[1,2].</summary>
    public float M12 { get; init; }

    /// <summary>M[2,0].</summary>
    public float M20 { get; init; }

    /// <summary>M[2,1].</summary>
    public float M21 { get; init; }

    /// <summary>M[2,2].</summary>
    public float M22 { get; init; }

    /// <summary>A factor on every contribution of this space to the volume and the weights (1 for plain reconstruction).</summary>
    public float Weight { get; init; }
}
