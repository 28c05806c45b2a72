using FsCheck;
using FsCheck.Fluent;
using Oompa.Algorithms.Reconstruction.Geometry;
using Oompa.Algorithms.Reconstruction.Symmetry;
using static Oompa.Algorithms.Tests.Reconstruction.Symmetry.RotationFacts;

namespace Oompa.Algorithms.Tests.Reconstruction.Symmetry;

/// <summary>
/// Group structure of every supported symmetry (identity first, distinct, proper rotations, closed, right order) and
/// parsing. Tolerance: operators are compared element-wise within 1e-6; orthonormality and determinant within 1e-12.
/// </summary>
public sealed class SymmetryGroupTests
{
    public static TheoryData<string, int> Groups => new()
    {
        { "C1", 1 }, { "C2", 2 }, { "C3", 3 }, { "C4", 4 }, { "C7", 7 }, { "C13", 13 },
        { "D1", 2 }, { "D2", 4 }, { "D3", 6 }, { "D4", 8 }, { "D5", 10 }, { "D8", 16 },
        { "T", 12 }, { "O", 24 }, { "I", 60 }, { "I1", 60 }, { "I2", 60 }, { "I3", 60 }, { "I4", 60 },
    };

    [Theory]
    [MemberData(nameof(Groups))]
    public void Every_group_is_a_closed_set_of_distinct_proper_rotations_of_the_right_order(string name, int order)
    {
        var g = SymmetryGroup.Parse(name);
        AssertIsGroup(g, order);
    }

    [Fact]
    public void Cyclic_and_dihedral_groups_of_any_order_are_groups()
    {
        var gen = from dihedral in Gen.Elements(false, true)
                  from n in Gen.OneOf(Gen.Choose(1, 24), Gen.Elements(31, 37, 39, 64))
                  select (dihedral ? "D" : "C") + n.ToString(System.Globalization.CultureInfo.InvariantCulture);
        Prop.ForAll(Arb.From(gen), name =>
        {
            var g = SymmetryGroup.Parse(name);
            var n = int.Parse(name.AsSpan(1), System.Globalization.CultureInfo.InvariantCulture);
            AssertIsGroup(g, name[0] == 'D' ? 2 * n : n);
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Largest_axis_order_builds_without_accumulated_error()
    {
        var g = SymmetryGroup.Parse("D999");
        Assert.Equal(1998, g.Order);
        foreach (var m in g.Operators)
        {
            Assert.True(Matrix3.MaxDifference(m * m.Transpose(), Matrix3.Identity) < 1e-12);
            Assert.Equal(1.0, m.Determinant(), 12);
        }
        // The generator's 999th power is the identity: elements are exact angles, not accumulated products.
        Assert.True(Matrix3.MaxDifference(g.Operators[998] * g.Operators[1], Matrix3.Identity) < 1e-12);
    }

    private static void AssertIsGroup(SymmetryGroup g, int order)
    {
        var ops = g.Operators;
        Assert.Equal(order, ops.Count);
        Assert.Equal(order, g.Order);
        Assert.Equal(Matrix3.Identity, ops[0]);
        foreach (var m in ops)
        {
            Assert.True(Matrix3.MaxDifference(m * m.Transpose(), Matrix3.Identity) < 1e-12, $"{g}: {m} is not orthonormal");
            Assert.True(Math.Abs(m.Determinant() - 1) < 1e-12, $"{g}: {m} has determinant {m.Determinant()}");
        }
        for (var i = 0; i < ops.Count; i++)
            for (var j = i + 1; j < ops.Count; j++)
                Assert.True(Matrix3.MaxDifference(ops[i], ops[j]) > 1e-3, $"{g}: operators {i} and {j} coincide");
        foreach (var a in ops)
            foreach (var b in ops)
                Assert.True(Contains(ops, a * b), $"{g}: product {a * b} is not in the group");
    }

    [Theory]
    [InlineData("c4", "C4")]
    [InlineData("  D2\t", "D2")]
    [InlineData("t", "T")]
    [InlineData("o", "O")]
    [InlineData("I", "I2")]
    [InlineData("i", "I2")]
    [InlineData(" i3 ", "I3")]
    [InlineData("C01", "C1")]
    public void Names_are_case_insensitive_and_trimmed(string input, string canonical)
    {
        Assert.Equal(canonical, SymmetryGroup.Parse(input).Name);
        Assert.Equal(canonical, SymmetryGroup.Parse(input).ToString());
        Assert.True(SymmetryGroup.TryParse(input, out var g));
        Assert.Equal(canonical, g.Name);
    }

    [Fact]
    public void C1_and_plain_I_are_the_shared_instances()
    {
        Assert.Same(SymmetryGroup.C1, SymmetryGroup.Parse("c1"));
        Assert.Same(SymmetryGroup.Parse("I2"), SymmetryGroup.Parse("I"));
        Assert.Equal(SymmetryGroup.Parse("I2").Operators, SymmetryGroup.Parse("i").Operators);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("X")]
    [InlineData("C")]
    [InlineData("D")]
    [InlineData("C0")]
    [InlineData("D0")]
    [InlineData("C1000")]
    [InlineData("C99999999999")]
    [InlineData("C-2")]
    [InlineData("C+2")]
    [InlineData("C 2")]
    [InlineData("C2.5")]
    [InlineData("Ci")]
    [InlineData("Cs")]
    [InlineData("C2v")]
    [InlineData("C4h")]
    [InlineData("D2h")]
    [InlineData("S4")]
    [InlineData("Td")]
    [InlineData("Oh")]
    [InlineData("I5")]
    [InlineData("IH")]
    [InlineData("I2h")]
    [InlineData("I0")]
    [InlineData("icos")]
    public void Unknown_names_give_a_format_exception_naming_the_input_and_the_accepted_names(string input)
    {
        var ex = Assert.Throws<FormatException>(() => SymmetryGroup.Parse(input));
        Assert.Contains($"'{input}'", ex.Message, StringComparison.Ordinal);
        Assert.Contains(SymmetryGroup.AcceptedNames, ex.Message, StringComparison.Ordinal);
        Assert.False(SymmetryGroup.TryParse(input, out var g));
        Assert.Null(g);
    }

    [Fact]
    public void Out_of_range_axis_order_says_so()
    {
        var ex = Assert.Throws<FormatException>(() => SymmetryGroup.Parse("D1000"));
        Assert.Contains("1..999", ex.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentNullException>(() => SymmetryGroup.Parse(null!));
        Assert.False(SymmetryGroup.TryParse(null, out _));
    }

    [Fact]
    public void Accepted_names_all_parse()
    {
        foreach (var name in new[] { "C1", "C2", "C999", "D1", "D999", "T", "O", "I", "I1", "I2", "I3", "I4" })
            Assert.True(SymmetryGroup.TryParse(name, out _), name);
    }
}
