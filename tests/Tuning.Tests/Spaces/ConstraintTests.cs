using Oompa.Tuning.Spaces;

namespace Oompa.Tuning.Tests.Spaces;

public class ConstraintTests
{
    [Fact]
    public void Typed_and_general_constraints_agree()
    {
        var typed = Constraint.Create("X", "Y", (x, y) => x * y <= 256, "X*Y <= 256");
        var general = new Constraint("X*Y <= 256", ["Y", "X"], c => c["X"] * c["Y"] <= 256);
        foreach (var (x, y) in new[] { (16L, 16L), (32L, 16L), (1L, 1L) })
        {
            var c = new TuningConfiguration([new("X", x), new("Y", y), new("Z", 9)]);
            Assert.Equal(x * y <= 256, typed.IsSatisfiedBy(c));
            Assert.Equal(x * y <= 256, general.IsSatisfiedBy(c));
        }
    }

    [Fact]
    public void Predicate_sees_only_the_names_it_declares()
    {
        var sneaky = new Constraint("reads Z too", ["X"], c => c["X"] + c["Z"] > 0);
        var e = Assert.Throws<InvalidOperationException>(() => sneaky.IsSatisfiedBy(new TuningConfiguration([new("X", 1), new("Z", 1)])));
        Assert.Contains("reads Z too", e.Message, StringComparison.Ordinal);
        Assert.Contains("'Z'", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Missing_parameter_is_named()
    {
        var c = Constraint.Create("X", x => x > 0, "X > 0");
        var e = Assert.Throws<ArgumentException>(() => c.IsSatisfiedBy(new TuningConfiguration([new("Y", 1)])));
        Assert.Contains("'X'", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Needs_description_and_distinct_names()
    {
        Assert.ThrowsAny<ArgumentException>(() => Constraint.Create("X", x => true, " "));
        Assert.Throws<ArgumentException>(() => new Constraint("none", [], _ => true));
        Assert.Throws<ArgumentException>(() => new Constraint("twice", ["X", "X"], _ => true));
    }
}
