namespace Oompa.Samples.FlexAlign.Local.Tests;

public class RobustLeastSquaresTests
{
    private static (double[] Rx, double[] Ry, double[] Px, double[] Py) GlobalProblem(int frames, double noise, int seed)
    {
        var rng = new Random(seed);
        var rx = Enumerable.Range(0, frames - 1).Select(_ => (rng.NextDouble() * 6) - 3).ToArray();
        var ry = Enumerable.Range(0, frames - 1).Select(_ => (rng.NextDouble() * 6) - 3).ToArray();
        var m = GlobalShiftSystem.EquationCount(frames);
        var px = new double[m];
        var py = new double[m];
        for (var i = 0; i < frames; i++)
        {
            for (var j = i + 1; j < frames; j++)
            {
                var e = GlobalShiftSystem.EquationIndex(i, j, frames);
                px[e] = rx[i..j].Sum() + (noise * TestModels.Gauss(rng));
                py[e] = ry[i..j].Sum() + (noise * TestModels.Gauss(rng));
            }
        }

        return (rx, ry, px, py);
    }

    [Fact]
    public void Global_design_has_ones_between_the_pair()
    {
        var a = GlobalShiftSystem.Design(5);
        Assert.Equal(10, a.Rows);
        Assert.Equal(4, a.Columns);
        var row = GlobalShiftSystem.EquationIndex(1, 4, 5);
        Assert.Equal(new double[] { 0, 1, 1, 1 }, a.Row(row).ToArray());
        Assert.Equal(Enumerable.Range(0, 10), from i in Enumerable.Range(0, 5) from j in Enumerable.Range(i + 1, 4 - i) select GlobalShiftSystem.EquationIndex(i, j, 5));
        Assert.Throws<ArgumentOutOfRangeException>(() => GlobalShiftSystem.EquationIndex(2, 2, 5));
    }

    [Theory]
    [InlineData(2)]
    [InlineData(10)]
    [InlineData(40)]
    public void Recovers_frame_to_frame_shifts_exactly_without_noise(int frames)
    {
        var (rx, ry, px, py) = GlobalProblem(frames, 0, frames);
        var r = GlobalShiftSystem.Solve(frames, px, py);
        Assert.Equal(0, r.RejectedCount);
        Assert.True(r.Converged);
        for (var k = 0; k < frames - 1; k++)
        {
            Assert.Equal(rx[k], r.Solutions[0][k], 1e-10);
            Assert.Equal(ry[k], r.Solutions[1][k], 1e-10);
        }

        Assert.True(r.ResidualRms[0] < 1e-10);
        Assert.Equal(rx.Sum(), GlobalShiftSystem.Cumulative(r.Solutions[0])[^1], 1e-9);
    }

    [Fact]
    public void Recovers_shifts_within_the_noise()
    {
        // σ = 0.1 px per pair; each r_k is constrained by many pairs, so its error is well below σ. Tolerance 0.1 px.
        var (rx, ry, px, py) = GlobalProblem(20, 0.1, 7);
        var r = GlobalShiftSystem.Solve(20, px, py);
        for (var k = 0; k < 19; k++)
        {
            Assert.Equal(rx[k], r.Solutions[0][k], 0.1);
            Assert.Equal(ry[k], r.Solutions[1][k], 0.1);
        }

        Assert.InRange(r.ResidualRms[0], 0.05, 0.15);
        Assert.True(r.RejectedCount < 10, $"{r.RejectedCount} of 190 rejected");
    }

    [Fact]
    public void Rejects_a_pair_with_a_wrong_shift_in_x_or_y_and_recovers_the_rest()
    {
        var (rx, ry, px, py) = GlobalProblem(15, 0.02, 9);
        var badX = GlobalShiftSystem.EquationIndex(2, 9, 15);
        var badY = GlobalShiftSystem.EquationIndex(0, 1, 15);
        px[badX] += 25;
        py[badY] -= 12;
        var r = GlobalShiftSystem.Solve(15, px, py);
        Assert.True(r.Rejected[badX]);
        Assert.True(r.Rejected[badY]);
        for (var k = 0; k < 14; k++)
        {
            Assert.Equal(rx[k], r.Solutions[0][k], 0.05);
            Assert.Equal(ry[k], r.Solutions[1][k], 0.05);
        }

        var plain = GlobalShiftSystem.Solve(15, px, py, new RobustLeastSquaresOptions(MaxIterations: 1));
        Assert.Equal(0, plain.RejectedCount);
        Assert.Equal(1, plain.Iterations);
        Assert.True(Enumerable.Range(0, 14).Max(k => Math.Abs(plain.Solutions[0][k] - rx[k])) > 0.5, "without rejection the outlier biases the solution");
    }

    [Fact]
    public void Underdetermined_and_rank_deficient_systems_throw_with_counts()
    {
        var a = new DenseMatrix(3, 5);
        var e = Assert.Throws<UnderdeterminedSystemException>(() => RobustLeastSquares.Solve(a, new double[3], new double[3]));
        Assert.Equal((3, 5), (e.Equations, e.Unknowns));
        Assert.Contains("3 accepted equations for 5 unknowns", e.Message, StringComparison.Ordinal);

        var b = new DenseMatrix(6, 3);
        for (var r = 0; r < 6; r++)
        {
            b[r, 0] = r + 1;
            b[r, 1] = 2 * (r + 1); // column 1 = 2 × column 0
            b[r, 2] = r * r;
        }

        var d = Assert.Throws<UnderdeterminedSystemException>(() => RobustLeastSquares.Solve(b, new double[6], new double[6]));
        Assert.Equal(2, d.Rank);
        Assert.Contains("rank 2 < 3", d.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Non_finite_right_hand_sides_are_rejected_naming_the_equation()
    {
        var a = GlobalShiftSystem.Design(4);
        var bx = new double[6];
        bx[4] = double.NaN;
        var e = Assert.Throws<ArgumentException>(() => RobustLeastSquares.Solve(a, bx, new double[6]));
        Assert.Contains("equation 4", e.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => RobustLeastSquares.Solve(a, new double[5], new double[6]));
        Assert.Throws<ArgumentOutOfRangeException>(() => RobustLeastSquares.Solve(a, new double[6], new double[6], new RobustLeastSquaresOptions(0)));
    }

    [Fact]
    public void General_dense_problem_matches_the_normal_equations()
    {
        var rng = new Random(11);
        var a = new DenseMatrix(40, 6);
        var b = new double[40];
        for (var r = 0; r < 40; r++)
        {
            for (var c = 0; c < 6; c++)
            {
                a[r, c] = rng.NextDouble() - 0.5;
            }

            b[r] = rng.NextDouble();
        }

        var x = RobustLeastSquares.Solve(a, [b], new RobustLeastSquaresOptions(1)).Solutions[0];
        // Optimality: Aᵀ(b − A x) = 0.
        var res = new double[40];
        a.Multiply(x, res);
        for (var c = 0; c < 6; c++)
        {
            var g = 0.0;
            for (var r = 0; r < 40; r++)
            {
                g += a[r, c] * (b[r] - res[r]);
            }

            Assert.Equal(0, g, 1e-12);
        }
    }
}
