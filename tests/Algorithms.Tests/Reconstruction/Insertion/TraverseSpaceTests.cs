using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using FsCheck;
using FsCheck.Fluent;
using Oompa.Algorithms.Reconstruction.Geometry;
using Oompa.Algorithms.Reconstruction.Insertion;

namespace Oompa.Algorithms.Tests.Reconstruction.Insertion;

public sealed class TraverseSpaceTests
{
    [Fact]
    public void The_struct_is_112_bytes_of_four_byte_fields_in_declaration_order_as_device_kernels_declare_it()
    {
        Assert.Equal(TraverseSpace.SizeInBytes, Unsafe.SizeOf<TraverseSpace>());
        Assert.Equal("Struct(TraverseSpace,112)", TraverseSpace.DataType.ToString());
        var s = new TraverseSpace
        {
            MinX = 1, MinY = 2, MinZ = 3, MaxX = 4, MaxY = 5, MaxZ = 6, MaxDistanceSqr = 7, Direction = TraverseDirection.YZ,
            NormalX = 9, NormalY = 10, NormalZ = 11, TopOriginX = 12, TopOriginY = 13, TopOriginZ = 14,
            BottomOriginX = 15, BottomOriginY = 16, BottomOriginZ = 17, ProjectionIndex = 18,
            M00 = 19, M01 = 20, M02 = 21, M10 = 22, M11 = 23, M12 = 24, M20 = 25, M21 = 26, M22 = 27, Weight = 28,
        };
        var bytes = MemoryMarshal.AsBytes(new ReadOnlySpan<TraverseSpace>(in s));
        var ints = MemoryMarshal.Cast<byte, int>(bytes);
        var floats = MemoryMarshal.Cast<byte, float>(bytes);
        int[] intFields = [0, 1, 2, 3, 4, 5, 17];
        for (int k = 0; k < 28; k++)
        {
            if (k == 7)
            {
                Assert.Equal(2, ints[k]);   // Direction YZ
            }
            else if (intFields.Contains(k))
            {
                Assert.Equal(k + 1, ints[k]);
            }
            else
            {
                Assert.Equal(k + 1, floats[k]);
            }
        }
    }

    [Fact]
    public void Planes_follow_the_largest_normal_component_and_boxes_stay_inside_the_volume() =>
        Prop.ForAll(Arb.From(InsertionCase.Angles), Arb.From(Gen.Choose(1, 40)), (e, half) =>
        {
            var s = TraverseSpaces.Create(e.ToMatrix(), Matrix3.Identity, half, FourierInsertionSettings.Default, 0);
            double nx = Math.Abs(s.NormalX), ny = Math.Abs(s.NormalY), nz = Math.Abs(s.NormalZ);
            var expected = nz >= nx && nz >= ny ? TraverseDirection.XY : ny >= nx ? TraverseDirection.XZ : TraverseDirection.YZ;
            Assert.Equal(expected, s.Direction);
            foreach (int v in new[] { s.MinX, s.MinY, s.MinZ, s.MaxX, s.MaxY, s.MaxZ })
            {
                Assert.InRange(v, 0, 2 * half);
            }

            // The normal is the projection direction: the third row of A (volume to projection).
            var a = e.ToMatrix();
            Assert.Equal(a.M20, s.NormalX, 1e-6);
            Assert.Equal(a.M21, s.NormalY, 1e-6);
            Assert.Equal(a.M22, s.NormalZ, 1e-6);
            Assert.Equal(Math.Pow(half + 1.9, 2), s.MaxDistanceSqr, 1e-3);
        }).QuickCheckThrowOnFailure();

    [Fact]
    public void A_symmetry_operator_acts_like_the_expanded_orientation()
    {
        // The slice of (A, R) is K = R·Aᵀ·k, the slice of the orientation A·Rᵀ under the identity.
        var a = new EulerAngles(30, 60, 90).ToMatrix();
        var r = Matrix3.Rotation(new Vector3d(0, 0, 1), Math.PI / 2);
        var withOperator = TraverseSpaces.Create(a, r, 10, FourierInsertionSettings.Default, 0);
        var expanded = TraverseSpaces.Create(a * r.Transpose(), Matrix3.Identity, 10, FourierInsertionSettings.Default, 0);
        Assert.Equal(expanded.M01, withOperator.M01, 1e-6);
        Assert.Equal(expanded.M12, withOperator.M12, 1e-6);
        Assert.Equal(expanded.MinX, withOperator.MinX);
        Assert.Equal(expanded.Direction, withOperator.Direction);
    }
}
