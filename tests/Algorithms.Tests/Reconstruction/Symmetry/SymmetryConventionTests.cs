using Oompa.Algorithms.Reconstruction.Geometry;
using Oompa.Algorithms.Reconstruction.Symmetry;
using static Oompa.Algorithms.Tests.Reconstruction.Symmetry.RotationFacts;

namespace Oompa.Algorithms.Tests.Reconstruction.Symmetry;

/// <summary>
/// The axis conventions, pinned against RELION: the generator lines of <c>SymList::fill_symmetry_class</c> in RELION's
/// <c>src/symmetries.cpp</c> (identical in Xmipp's <c>libraries/data/symmetries.cpp</c>), with RELION's rounded
/// decimals, must generate exactly our operators; plus readable axis facts per group.
/// </summary>
public sealed class SymmetryConventionTests
{
    private static readonly double Phi = (1 + Math.Sqrt(5)) / 2;

    /// <summary>RELION's <c>rot_axis fold x y z</c> lines, verbatim numbers.</summary>
    public static TheoryData<string, string> RelionGenerators => new()
    {
        { "C5", "5 0 0 1" },
        { "D3", "3 0 0 1; 2 1 0 0" },
        { "D4", "4 0 0 1; 2 1 0 0" },
        { "T", "3 0 0 1; 2 0 0.816496 0.577350" },
        { "O", "3 .5773502 .5773502 .5773502; 4 0 0 1" },
        { "I", "2 0 0 1; 5 0.525731114 0 0.850650807; 3 0 0.356822076 0.934172364" },
        { "I2", "2 0 0 1; 5 0.525731114 0 0.850650807; 3 0 0.356822076 0.934172364" },
        { "I1", "2 1 0 0; 5 0.85065080702670 0 -0.5257311142635; 3 0.9341723640 0.3568220765 0" },
        { "I3", "2 -0.5257311143 0 0.8506508070; 5 0 0 1; 3 -0.4911234778630044 0.3568220764705179 0.7946544753759428" },
        { "I4", "2 0.5257311143 0 0.8506508070; 5 0.8944271932547096 0 0.4472135909903704; 3 0.4911234778630044 0.3568220764705179 0.7946544753759428" },
    };

    [Theory]
    [MemberData(nameof(RelionGenerators))]
    public void Relion_generators_produce_exactly_our_operators(string name, string lines)
    {
        var generators = lines.Split(';').Select(line =>
        {
            var v = line.Split(' ', StringSplitOptions.RemoveEmptyEntries)
                .Select(t => double.Parse(t, System.Globalization.CultureInfo.InvariantCulture)).ToArray();
            // RELION stores the transpose of its rotation; the group holds both, so the direction does not matter.
            return Matrix3.Rotation(new Vector3d(v[1], v[2], v[3]), 2 * Math.PI / v[0]);
        }).ToList();
        var ours = SymmetryGroup.Parse(name).Operators;
        foreach (var g in generators) Assert.True(Contains(ours, g), $"{name}: RELION generator {g} is missing");
        Assert.True(SameSet(NaiveClosure(generators), [.. ours]), $"{name}: the group RELION generates differs");
    }

    [Fact]
    public void Cn_rotates_about_z()
    {
        var c4 = SymmetryGroup.Parse("C4").Operators;
        Assert.Equal(new Matrix3(0, -1, 0, 1, 0, 0, 0, 0, 1), c4[1]); // 90° about z, exact
        Assert.Equal(4, FoldAbout(c4, new Vector3d(0, 0, 1)));
        Assert.Equal(new SortedDictionary<int, int> { [4] = 1 }, AxisCensus(c4));
    }

    [Fact]
    public void D2_is_the_three_half_turns_about_x_y_and_z()
    {
        Matrix3[] expected = [Matrix3.Identity, new(1, 0, 0, 0, -1, 0, 0, 0, -1), new(-1, 0, 0, 0, 1, 0, 0, 0, -1), new(-1, 0, 0, 0, -1, 0, 0, 0, 1)];
        var d2 = SymmetryGroup.Parse("D2").Operators;
        Assert.True(SameSet(expected, [.. d2]));
        Assert.Contains(new Matrix3(1, 0, 0, 0, -1, 0, 0, 0, -1), d2); // exact, snapped
    }

    [Theory]
    [InlineData(3)]
    [InlineData(5)]
    [InlineData(6)]
    public void Dn_has_its_n_fold_on_z_and_n_two_folds_in_the_xy_plane_one_on_x(int n)
    {
        var ops = SymmetryGroup.Parse($"D{n}").Operators;
        Assert.Equal(n, FoldAbout(ops, new Vector3d(0, 0, 1)));
        Assert.Equal(2, FoldAbout(ops, new Vector3d(1, 0, 0)));
        var twoFolds = Axes(ops).Where(a => a.Fold == 2).ToList();
        Assert.Equal(n, twoFolds.Count);
        Assert.All(twoFolds, a => Assert.True(Math.Abs(a.Axis.Z) < 1e-9, $"two-fold {a.Axis} is not in the xy plane"));
    }

    [Fact]
    public void T_has_a_three_fold_on_z_and_a_two_fold_in_the_yz_plane()
    {
        var t = SymmetryGroup.Parse("T").Operators;
        Assert.Equal(new SortedDictionary<int, int> { [2] = 3, [3] = 4 }, AxisCensus(t));
        Assert.Equal(3, FoldAbout(t, new Vector3d(0, 0, 1)));
        Assert.Equal(2, FoldAbout(t, new Vector3d(0, Math.Sqrt(2), 1)));
        Assert.Equal(1, FoldAbout(t, new Vector3d(1, 0, 0)));
    }

    [Fact]
    public void O_is_the_24_signed_permutation_matrices_of_determinant_one()
    {
        var o = SymmetryGroup.Parse("O").Operators;
        Assert.Equal(new SortedDictionary<int, int> { [2] = 6, [3] = 4, [4] = 3 }, AxisCensus(o));
        foreach (var axis in new[] { new Vector3d(1, 0, 0), new Vector3d(0, 1, 0), new Vector3d(0, 0, 1) })
            Assert.Equal(4, FoldAbout(o, axis));
        Assert.Equal(3, FoldAbout(o, new Vector3d(1, 1, 1)));
        foreach (var m in o)
            for (var r = 0; r < 3; r++)
                for (var c = 0; c < 3; c++)
                    Assert.Contains(m[r, c], new[] { -1.0, 0.0, 1.0 }); // exact integers after snapping
    }

    [Theory]
    [InlineData("I1")]
    [InlineData("I2")]
    [InlineData("I3")]
    [InlineData("I4")]
    public void Every_icosahedral_setting_has_6_five_fold_10_three_fold_and_15_two_fold_axes(string name) =>
        Assert.Equal(new SortedDictionary<int, int> { [2] = 15, [3] = 10, [5] = 6 }, AxisCensus(SymmetryGroup.Parse(name).Operators));

    [Fact]
    public void I1_and_I2_have_two_folds_on_x_y_z_and_differ_by_a_quarter_turn()
    {
        var i1 = SymmetryGroup.Parse("I1").Operators;
        var i2 = SymmetryGroup.Parse("I2").Operators;
        foreach (var g in new[] { i1, i2 })
            foreach (var axis in new[] { new Vector3d(1, 0, 0), new Vector3d(0, 1, 0), new Vector3d(0, 0, 1) })
                Assert.Equal(2, FoldAbout(g, axis));
        // I2 (Crowther 222): five-fold at (1, 0, φ), near z in the xz plane; three-fold at (0, 1/φ, φ).
        Assert.Equal(5, FoldAbout(i2, new Vector3d(1, 0, Phi)));
        Assert.Equal(3, FoldAbout(i2, new Vector3d(0, 1 / Phi, Phi)));
        // I1 (no-Crowther 222): five-fold at (0, 1, φ), near z in the yz plane; three-fold at (1/φ, 0, φ).
        Assert.Equal(5, FoldAbout(i1, new Vector3d(0, 1, Phi)));
        Assert.Equal(3, FoldAbout(i1, new Vector3d(1 / Phi, 0, Phi)));
        Assert.Equal(1, FoldAbout(i1, new Vector3d(1, 0, Phi)));
        var quarter = Matrix3.Rotation(new Vector3d(0, 0, 1), Math.PI / 2);
        Assert.True(SameSet([.. i1.Select(m => quarter * m * quarter.Transpose())], [.. i2]));
    }

    [Fact]
    public void I3_and_I4_have_the_five_fold_on_z_and_are_mirror_images_in_x()
    {
        var i3 = SymmetryGroup.Parse("I3").Operators;
        var i4 = SymmetryGroup.Parse("I4").Operators;
        Assert.Equal(5, FoldAbout(i3, new Vector3d(0, 0, 1)));
        Assert.Equal(5, FoldAbout(i4, new Vector3d(0, 0, 1)));
        // The nearest two-fold to z lies in the xz plane: at negative x for I3, positive x for I4.
        Assert.Equal(2, FoldAbout(i3, new Vector3d(-1, 0, Phi)));
        Assert.Equal(2, FoldAbout(i4, new Vector3d(1, 0, Phi)));
        Assert.Equal(2, FoldAbout(i3, new Vector3d(0, 1, 0)));
        Assert.Equal(2, FoldAbout(i4, new Vector3d(0, 1, 0)));
        var mirrorX = new Matrix3(-1, 0, 0, 0, 1, 0, 0, 0, 1);
        Assert.True(SameSet([.. i3.Select(m => mirrorX * m * mirrorX)], [.. i4]));
        Assert.False(SameSet([.. i3], [.. i4]));
    }
}
