using FsCheck;
using FsCheck.Fluent;
using Oompa.Tuning.Spaces;
using Oompa.Tuning.Tests.Support;

namespace Oompa.Tuning.Tests.Spaces;

public class TuningSpaceTests
{
    private static TuningSpace Small() => new(
        [new TuningParameter("A", [1, 2, 3], 2), new TuningParameter("B", [10, 20], 10)],
        [Constraint.Create("A", "B", (a, b) => a + b != 21, "A + B != 21")]);

    [Fact]
    public void Numbers_configurations_in_mixed_radix_order_with_the_first_parameter_most_significant()
    {
        var s = Small();
        Assert.Equal(6, s.UpperBound);
        Assert.Equal(["A=1,B=10", "A=1,B=20", "A=2,B=10", "A=2,B=20", "A=3,B=10", "A=3,B=20"], Enumerable.Range(0, 6).Select(i => s.At(i).Key));
        for (var i = 0L; i < 6; i++)
        {
            Assert.Equal(i, s.IndexOf(s.At(i)));
        }

        Assert.Equal(["A=1,B=10", "A=2,B=10", "A=2,B=20", "A=3,B=10", "A=3,B=20"], s.Enumerate().Select(c => c.Key));
        Assert.Equal(5, s.Count());
        Assert.Equal("A=2,B=10", s.Default.Key);
    }

    [Fact]
    public void Default_that_violates_a_constraint_is_a_clear_error()
    {
        var e = Assert.Throws<ArgumentException>(() => new TuningSpace(
            [new TuningParameter("A", [1, 2], 1), new TuningParameter("B", [20, 10])],
            [Constraint.Create("A", "B", (a, b) => a + b != 21, "A + B != 21")]));
        Assert.Contains("A=1,B=20", e.Message, StringComparison.Ordinal);
        Assert.Contains("'A + B != 21'", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Rejects_duplicate_parameters_unknown_names_and_overflowing_spaces()
    {
        Assert.Contains("twice", Assert.Throws<ArgumentException>(() => new TuningSpace([new TuningParameter("A", [1]), new TuningParameter("A", [2])])).Message, StringComparison.Ordinal);
        Assert.Contains("'C'", Assert.Throws<ArgumentException>(() => new TuningSpace([new TuningParameter("A", [1])], [Constraint.Create("C", c => true, "C")])).Message, StringComparison.Ordinal);
        var wide = Enumerable.Range(0, 20).Select(i => new TuningParameter($"P{i}", Enumerable.Range(0, 10).Select(v => (long)v)));
        Assert.Contains("split", Assert.Throws<ArgumentException>(() => new TuningSpace(wide)).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Problems_name_what_is_wrong()
    {
        var s = Small();
        Assert.Empty(s.Problems(s.Default));
        Assert.Contains("'A + B != 21'", Assert.Single(s.Problems(TuningConfiguration.Parse("A=1,B=20"))), StringComparison.Ordinal);
        Assert.Contains("7 is not a candidate", Assert.Single(s.Problems(TuningConfiguration.Parse("A=7,B=20"))), StringComparison.Ordinal);
        Assert.Contains("exactly the parameters A, B", Assert.Single(s.Problems(TuningConfiguration.Parse("A=1"))), StringComparison.Ordinal);
        Assert.False(s.IsValid(TuningConfiguration.Parse("A=1,B=10,C=1")));
        Assert.Throws<ArgumentException>(() => s.IndexOf(TuningConfiguration.Parse("A=7,B=20")));
        Assert.Throws<ArgumentOutOfRangeException>(() => s.At(6));
    }

    [Fact]
    public void Neighbours_move_one_parameter_to_an_adjacent_candidate_and_moves_to_any()
    {
        var s = new TuningSpace([new TuningParameter("A", [1, 2, 3, 4], 2), new TuningParameter("B", [10, 20, 30], 20)],
            [Constraint.Create("A", "B", (a, b) => !(a == 3 && b == 20), "not (3, 20)")]);
        Assert.Equal(["A=1,B=20", "A=2,B=10", "A=2,B=30"], s.Neighbours(s.Default).Select(c => c.Key));
        Assert.Equal(["A=1,B=20", "A=4,B=20", "A=2,B=10", "A=2,B=30"], s.Moves(s.Default).Select(c => c.Key));
    }

    [Fact]
    public void Sampling_covers_every_valid_configuration_and_nothing_else()
    {
        var s = Landscape.Space();
        var rng = new Random(7);
        var seen = new HashSet<TuningConfiguration>();
        for (var i = 0; i < 20_000; i++)
        {
            var c = s.Sample(rng);
            Assert.True(s.IsValid(c));
            seen.Add(c);
        }

        Assert.Equal(500, seen.Count);
    }

    [Fact]
    public void Sampling_falls_back_to_scanning_when_valid_configurations_are_rare()
    {
        var s = new TuningSpace(
            Enumerable.Range(0, 6).Select(i => new TuningParameter($"P{i}", Enumerable.Range(0, 10).Select(v => (long)v), 3)),
            new[] { "P0", "P2", "P5" }.Select(n => Constraint.Create(n, v => v == 3, $"{n} = 3")));
        var rng = new Random(1);
        var samples = Enumerable.Range(0, 50).Select(_ => s.Sample(rng, maxTries: 4)).ToList();
        Assert.All(samples, c => Assert.True(s.IsValid(c)));
        Assert.True(samples.Distinct().Count() > 10);
    }

    [Fact]
    public void Enumeration_count_and_validity_match_brute_force_for_random_spaces() =>
        Prop.ForAll(Arb.From(Gen.Choose(0, int.MaxValue)), seed =>
        {
            if (RandomSpace.Create(seed) is not { } r)
            {
                return true;
            }

            var all = Enumerable.Range(0, (int)r.Space.UpperBound).Select(i => r.Space.At(i)).ToList();
            return r.Space.Enumerate().SequenceEqual(r.Valid)
                && r.Space.Count() == r.Valid.Count
                && all.Count(r.Space.IsValid) == r.Valid.Count
                && all.All(c => r.Space.IndexOf(c) == all.IndexOf(c));
        }).QuickCheckThrowOnFailure();
}
