using FsCheck;
using FsCheck.Fluent;
using Oompa.Algorithms.Reconstruction.Geometry;
using Oompa.Algorithms.Reconstruction.Symmetry;
using static Oompa.Algorithms.Tests.Reconstruction.Symmetry.RotationFacts;

namespace Oompa.Algorithms.Tests.Reconstruction.Symmetry;

/// <summary>
/// How the reconstruction uses the operators: a projection at <c>A</c> (volume to projection coordinates) of a
/// symmetric particle is also a projection at <c>A·R_j</c> for every operator, which <see cref="SymmetryGroup.Expand(Matrix3)"/>
/// lists. Checked on a field made symmetric by summing an asymmetric one over the group (tolerance 1e-9 relative).
/// </summary>
public sealed class SymmetryExpansionTests
{
    private static readonly Gen<EulerAngles> Angles =
        from rot in Gen.Choose(-1800, 1800)
        from tilt in Gen.Choose(0, 1800)
        from psi in Gen.Choose(-1800, 1800)
        select new EulerAngles(rot / 10.0, tilt / 10.0, psi / 10.0);

    private static readonly Gen<double> Coordinate = Gen.Choose(-1000, 1000).Select(v => v / 1000.0);

    /// <summary>An asymmetric field: three Gaussian blobs at fixed, unrelated centres.</summary>
    private static double Asymmetric(Vector3d r)
    {
        Vector3d[] centres = [new(0.31, -0.12, 0.57), new(-0.44, 0.29, 0.08), new(0.05, 0.61, -0.33)];
        return centres.Sum(c => Math.Exp(-Vector3d.Dot(r - c, r - c) / 0.05));
    }

    /// <summary>The field summed over the group, so it is invariant under every operator.</summary>
    private static double Symmetric(SymmetryGroup g, Vector3d r) => g.Operators.Sum(m => Asymmetric(m * r));

    [Fact]
    public void Every_expanded_orientation_sees_the_same_slice_of_a_symmetric_particle()
    {
        var gen = from name in Gen.Elements("C4", "C7", "D2", "D3", "T", "O", "I2", "I3")
                  from angles in Angles
                  from kx in Coordinate
                  from ky in Coordinate
                  select (name, angles, kx, ky);
        Prop.ForAll(Arb.From(gen), c =>
        {
            var g = SymmetryGroup.Parse(c.name);
            var a = c.angles.ToMatrix();
            var k = new Vector3d(c.kx, c.ky, 0); // a point of the projection's central plane
            var expected = Symmetric(g, a.Transpose() * k);
            var orientations = g.Expand(a);
            Assert.Equal(g.Order, orientations.Length);
            foreach (var o in orientations)
            {
                var actual = Symmetric(g, o.Transpose() * k);
                Assert.True(Math.Abs(actual - expected) <= 1e-9 * (1 + Math.Abs(expected)), $"{c}: {actual} vs {expected}");
            }
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Composing_the_operator_on_the_left_of_A_is_not_equivalent()
    {
        // Guard for the documented convention: R_j·A (operator applied in projection coordinates) is wrong.
        var g = SymmetryGroup.Parse("C4");
        var a = new EulerAngles(20, 70, 10).ToMatrix();
        var k = new Vector3d(0.4, -0.2, 0);
        var expected = Symmetric(g, a.Transpose() * k);
        var worst = g.Operators.Max(r => Math.Abs(Symmetric(g, (r * a).Transpose() * k) - expected));
        Assert.True(worst > 1e-3, $"R·A happened to agree ({worst})");
    }

    [Fact]
    public void Xmipp_style_R_j_times_A_transposed_is_the_same_set_as_the_transposed_expansion()
    {
        // Xmipp's reconstruct_fourier builds transf_j = R_j·Aᵀ (Aᵀ: projection to volume coordinates). As the group
        // holds R_jᵀ with every R_j, these are the transposes of Expand(A), in another order.
        Prop.ForAll(Arb.From(Angles), e =>
        {
            foreach (var name in new[] { "D3", "T", "I4" })
            {
                var g = SymmetryGroup.Parse(name);
                var a = e.ToMatrix();
                Matrix3[] xmipp = [.. g.Operators.Select(r => r * a.Transpose())];
                Matrix3[] ours = [.. g.Expand(a).Select(m => m.Transpose())];
                Assert.True(SameSet(xmipp, ours), $"{name} {e}");
            }
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Identity_comes_first_and_Euler_expansion_matches_the_matrices()
    {
        Prop.ForAll(Arb.From(Angles), e =>
        {
            var g = SymmetryGroup.Parse("D3");
            var matrices = g.Expand(e.ToMatrix());
            var angles = g.Expand(e);
            Assert.True(Matrix3.MaxDifference(matrices[0], e.ToMatrix()) < 1e-15);
            for (var j = 0; j < matrices.Length; j++)
                Assert.True(Matrix3.MaxDifference(angles[j].ToMatrix(), matrices[j]) < 1e-9, $"{e}, operator {j}");
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Cn_expansion_changes_only_rot_by_multiples_of_360_over_n_as_in_relion()
    {
        Prop.ForAll(Arb.From(Angles), e =>
        {
            var expanded = SymmetryGroup.Parse("C4").Expand(e.ToMatrix());
            Matrix3[] expected = [.. Enumerable.Range(0, 4).Select(k => (e with { Rot = e.Rot + 90 * k }).ToMatrix())];
            Assert.True(SameSet(expanded, expected), e.ToString());
        }).QuickCheckThrowOnFailure();
    }
}
