using Xunit.Abstractions;

namespace Oompa.Samples.FlexAlign.Local.Tests;

public class LocalMotionFitterTests(ITestOutputHelper output)
{
    private static readonly BSplineGrid Grid = new(512, 448, 20); // 6 × 6 × 5 control points
    private static readonly PatchLayout Layout = PatchLayout.Create(512, 448, 100, 100, 9, 8);

    [Fact]
    public void Recovers_a_representable_field_exactly_without_noise()
    {
        var truth = TestModels.Random(Grid, 1);
        var fit = LocalMotionFitter.Fit(Grid, TestModels.Measure(truth, Layout, 0, 2));
        Assert.Equal(0, fit.RejectedCount);
        Assert.True(fit.Converged);
        Assert.True(fit.ResidualRmsX < 1e-9 && fit.ResidualRmsY < 1e-9);
        Assert.True(TestModels.MaxDifference(truth, fit.Model, 300, 3) < 1e-8);
    }

    [Fact]
    public void Recovers_the_field_within_tolerance_from_noisy_patch_shifts()
    {
        // Patch-shift noise σ = 0.1 px on 1440 equations for 180 coefficients; the fitted field must be within
        // 0.15 px of the truth at 300 random pixels (x, y, frame) inside the patch-centre box (outside it the fit
        // extrapolates and the corner coefficients are weakly constrained), and the residual RMS must match the noise.
        var truth = TestModels.Random(Grid, 4);
        var fit = LocalMotionFitter.Fit(Grid, TestModels.Measure(truth, Layout, 0.1, 5));
        var maxError = TestModels.MaxDifference(truth, fit.Model, 300, 6, Layout);
        output.WriteLine($"noisy fit: max error {maxError:F4} px inside the patch box, whole frame {TestModels.MaxDifference(truth, fit.Model, 300, 6):F4} px, rms {fit.ResidualRmsX:F4}/{fit.ResidualRmsY:F4}, rejected {fit.RejectedCount}, iterations {fit.Iterations}");
        Assert.True(maxError < 0.15, $"max field error {maxError:F3} px");
        Assert.InRange(fit.ResidualRmsX, 0.07, 0.11);
        Assert.InRange(fit.ResidualRmsY, 0.07, 0.11);
    }

    [Fact]
    public void Ignores_gross_outliers()
    {
        var truth = TestModels.Random(Grid, 7);
        var measurements = TestModels.Measure(truth, Layout, 0.05, 8);
        int[] bad = [3, 200, 555, 900, 1300];
        foreach (var i in bad)
        {
            var m = measurements[i];
            measurements[i] = i % 2 == 0 ? m with { ShiftX = m.ShiftX + 15 } : m with { ShiftY = m.ShiftY - 20 };
        }

        var fit = LocalMotionFitter.Fit(Grid, measurements);
        Assert.All(bad, i => Assert.True(fit.Rejected[i], $"measurement {i} not rejected"));
        var maxError = TestModels.MaxDifference(truth, fit.Model, 300, 9, Layout);
        output.WriteLine($"outliers: max error {maxError:F4} px, rejected {fit.RejectedCount}, iterations {fit.Iterations}");
        Assert.True(maxError < 0.1, $"max field error {maxError:F3} px with outliers rejected");
    }

    [Fact]
    public void Too_few_patches_or_frames_throw_naming_the_counts()
    {
        var truth = TestModels.Random(Grid, 10);
        var few = TestModels.Measure(truth, PatchLayout.Create(512, 448, 100, 100, 6, 9), 0, 1);
        var e = Assert.Throws<UnderdeterminedSystemException>(() => LocalMotionFitter.Fit(Grid, few));
        Assert.Contains("6 patch columns for 6 x control points", e.Message, StringComparison.Ordinal);
        Assert.Contains("more patches than control points", e.Message, StringComparison.Ordinal);

        var shortGrid = new BSplineGrid(512, 448, 3);
        var shortMovie = TestModels.Measure(TestModels.Random(shortGrid, 11), Layout, 0, 1);
        var f = Assert.Throws<UnderdeterminedSystemException>(() => LocalMotionFitter.Fit(shortGrid, shortMovie));
        Assert.Contains("3 frames for 5 t control points", f.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Invalid_measurements_are_rejected()
    {
        var ok = new PatchMeasurement(10, 10, 0, 1, 1);
        Assert.Throws<ArgumentException>(() => LocalMotionFitter.Fit(Grid, [ok, ok with { Frame = 20 }]));
        Assert.Throws<ArgumentException>(() => LocalMotionFitter.Fit(Grid, [ok, ok with { ShiftX = double.NaN }]));
    }
}
