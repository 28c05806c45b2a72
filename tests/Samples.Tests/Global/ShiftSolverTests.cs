using Oompa.Samples.FlexAlign;
using Oompa.Samples.FlexAlign.Global;

namespace Oompa.Samples.Tests.Global;

/// <summary>The least-squares solve and its 3σ outlier rejection.</summary>
public sealed class ShiftSolverTests
{
    private static readonly FrameShift[] Truth = [.. Enumerable.Range(0, 8).Select(t => new FrameShift(0.7 * t, (-0.3 * t) + (0.05 * t * t)))];

    [Fact]
    public void Consistent_pairs_give_the_positions_exactly()
    {
        var solution = ShiftSolver.Solve(Truth.Length, Pairs(noise: 0));
        for (int t = 0; t < Truth.Length; t++)
        {
            Assert.Equal(Truth[t].X, solution.Positions[t].X, 1e-9);
            Assert.Equal(Truth[t].Y, solution.Positions[t].Y, 1e-9);
        }

        Assert.Empty(solution.Rejected);
    }

    [Fact]
    public void A_corrupted_pair_is_rejected_and_the_positions_stay_within_0_01_px()
    {
        var pairs = Pairs(noise: 0.002).Select(p => p.First == 2 && p.Second == 5 ? p with { Shift = p.Shift + new FrameShift(6, -4) } : p).ToList();
        var solution = ShiftSolver.Solve(Truth.Length, pairs);
        var rejected = Assert.Single(solution.Rejected);
        Assert.Equal((2, 5), (rejected.First, rejected.Second));
        for (int t = 0; t < Truth.Length; t++)
        {
            Assert.InRange((solution.Positions[t] - Truth[t]).Length, 0, 0.01);
        }
    }

    [Fact]
    public void Missing_pairs_and_an_outlier_still_give_the_positions_within_0_01_px()
    {
        // Pairs without a usable peak are left out by the aligner, so the solver sees an incomplete system.
        var pairs = Pairs(noise: 0.002)
            .Where(p => !(p.First == 0 && p.Second == 3) && !(p.First == 4 && p.Second == 6))
            .Select(p => p.First == 1 && p.Second == 7 ? p with { Shift = p.Shift + new FrameShift(-5, 3) } : p)
            .Reverse()
            .ToList();
        var solution = ShiftSolver.Solve(Truth.Length, pairs);
        Assert.Contains(solution.Rejected, r => (r.First, r.Second) == (1, 7));
        for (int t = 0; t < Truth.Length; t++)
        {
            Assert.InRange((solution.Positions[t] - Truth[t]).Length, 0, 0.01);
        }
    }

    [Fact]
    public void Pairs_that_leave_a_frame_undetermined_are_refused() =>
        Assert.Throws<ArgumentException>(() => ShiftSolver.Solve(3, [new PairShift(0, 1, new FrameShift(1, 1))]));

    private static List<PairShift> Pairs(double noise)
    {
        var rng = new Random(5);
        var pairs = new List<PairShift>();
        for (int i = 0; i < Truth.Length; i++)
        {
            for (int j = i + 1; j < Truth.Length; j++)
            {
                var d = Truth[j] - Truth[i] + new FrameShift(noise * ((2 * rng.NextDouble()) - 1), noise * ((2 * rng.NextDouble()) - 1));
                pairs.Add(new PairShift(i, j, d));
            }
        }

        return pairs;
    }
}
