using FsCheck;
using FsCheck.Fluent;
using Oompa.Algorithms.Reconstruction.Geometry;
using Xunit;

namespace Oompa.Algorithms.Tests.Reconstruction;

public sealed class GeometryTests
{
    private static readonly Gen<EulerAngles> Angles =
        from rot in Gen.Choose(-1800, 1800)
        from tilt in Gen.Choose(1, 1799)
        from psi in Gen.Choose(-1800, 1800)
        select new EulerAngles(rot / 10.0, tilt / 10.0, psi / 10.0);

    [Fact]
    public void Euler_matrix_is_a_proper_rotation_and_round_trips()
    {
        Prop.ForAll(Arb.From(Angles), e =>
        {
            var a = e.ToMatrix();
            Assert.True(Matrix3.MaxDifference(a * a.Transpose(), Matrix3.Identity) < 1e-12);
            Assert.Equal(1.0, a.Determinant(), 12);
            var back = EulerAngles.FromMatrix(a).ToMatrix();
            Assert.True(Matrix3.MaxDifference(a, back) < 1e-9, $"{e} -> {EulerAngles.FromMatrix(a)}");
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Euler_matrix_follows_relion_convention()
    {
        // Rot = 90: the projection's x axis is the volume's y axis (RELION Euler_angles2matrix row 0 = (0, 1, 0)).
        var a = new EulerAngles(90, 0, 0).ToMatrix();
        Assert.True(Matrix3.MaxDifference(a, new Matrix3(0, 1, 0, -1, 0, 0, 0, 0, 1)) < 1e-12);
        // Tilt = 90: the projection direction (row 2) is the volume's x axis.
        var t = new EulerAngles(0, 90, 0).ToMatrix();
        Assert.True(Matrix3.MaxDifference(t, new Matrix3(0, 0, -1, 0, 1, 0, 1, 0, 0)) < 1e-12);
        // Composition: psi is applied last, about the projection axis.
        var e = new EulerAngles(30, 40, 50);
        var composed = Matrix3.Rotation(new Vector3d(0, 0, 1), -50 * Math.PI / 180)
            * Matrix3.Rotation(new Vector3d(0, 1, 0), -40 * Math.PI / 180)
            * Matrix3.Rotation(new Vector3d(0, 0, 1), -30 * Math.PI / 180);
        Assert.True(Matrix3.MaxDifference(e.ToMatrix(), composed) < 1e-12);
    }

    [Fact]
    public void Degenerate_tilts_fold_rot_into_psi()
    {
        foreach (var tilt in new[] { 0.0, 180.0 })
        {
            var a = new EulerAngles(25, tilt, 40).ToMatrix();
            var back = EulerAngles.FromMatrix(a);
            Assert.Equal(0, back.Rot);
            Assert.True(Matrix3.MaxDifference(a, back.ToMatrix()) < 1e-12);
        }
    }

    [Fact]
    public void Inverse_of_a_general_matrix_is_exact()
    {
        var m = new Matrix3(2, 1, 0, 1, 3, 1, 0, 1, 4);
        Assert.True(Matrix3.MaxDifference(m * m.Inverse(), Matrix3.Identity) < 1e-12);
        Assert.Throws<InvalidOperationException>(() => new Matrix3(1, 2, 3, 2, 4, 6, 0, 0, 1).Inverse());
    }
}
