using Oompa.Core.Devices;
using Oompa.Samples.FlexAlign;
using Oompa.Samples.FlexAlign.Global;
using Oompa.Samples.FlexAlign.Local;
using Oompa.Samples.FlexAlign.LocalAlignment;
using Oompa.Samples.FlexAlign.Movie;
using Oompa.Samples.FlexAlign.Phantom;
using Xunit.Abstractions;

namespace Oompa.Samples.Tests.LocalAlignment;

/// <summary>
/// Local alignment on noiseless 512 × 512 × 10 grid phantoms (1 Å/px, drift × 10, global search 20 Å): 7 × 7 patches of
/// 128 px, correlated up to 10 Å, residual search 10 Å. The truth is the per-pixel compensation c of frame t against
/// frame 0 from the phantom's drift and doming formulas (<see cref="TrueCompensation"/>), compared on a 32 px lattice.
/// </summary>
public sealed class LocalAlignmentAccuracyTests(ITestOutputHelper output)
{
    private static readonly AlgorithmProvider Algorithms = new(CpuDevice.Default);

    private static readonly LocalAlignmentSettings Settings = new() { PatchSize = 128, MaxResolution = 10, MaxShift = 10 };

    private static readonly Lazy<Run> Domed = new(() => Align(new DomingParameters()));

    private static readonly Lazy<Run> Rigid = new(() => Align(null));

    [Fact]
    public void Doming_residual_is_reduced_to_at_most_0_3_of_the_global_only_error()
    {
        var run = Domed.Value;
        var (global, local) = Errors(run);
        var (innerGlobal, innerLocal) = Errors(run, 64);
        output.WriteLine($"doming inside the patch centres: global-only RMS {innerGlobal:F4} px, global+local RMS {innerLocal:F4} px");
        output.WriteLine($"doming: global-only RMS {global:F4} px, global+local RMS {local:F4} px, fit residual ({run.Local.Fit.ResidualRmsX:F4}, {run.Local.Fit.ResidualRmsY:F4}) px, rejected {run.Local.Fit.RejectedCount}");
        Assert.InRange(global, 0.5, double.MaxValue); // the phantom really domes
        Assert.InRange(local, 0, 0.3 * global);
    }

    [Fact]
    public void Rigid_movie_is_not_made_worse()
    {
        var run = Rigid.Value;
        var (global, local) = Errors(run);
        output.WriteLine($"rigid: global-only RMS {global:F4} px, global+local RMS {local:F4} px");
        Assert.InRange(local, 0, global + 0.05);
    }

    [Fact]
    public void Locally_aligned_sum_correlates_better_with_frame_0_than_the_globally_aligned_sum()
    {
        var run = Domed.Value;
        var source = run.Source;
        var localSum = LocalAlignedSum.Compute(source, run.Local, Algorithms.Device.ParallelOptions);
        var globalSum = new float[localSum.Length];
        var frame = new float[localSum.Length];
        for (int t = 0; t < source.FrameCount; t++)
        {
            source.ReadFrames(t, 1, frame);
            var c = run.Local.GlobalCorrectiveShifts[t];
            LocalShiftResampler.Accumulate(ShiftField.Constant(source.Width, source.Height, c.X, c.Y), frame, globalSum, Algorithms.Device.ParallelOptions);
        }

        var reference = run.Movie.Frames.AsSpan(0, localSum.Length).ToArray();
        double cg = Pearson(globalSum, reference, source.Width, source.Height);
        double cl = Pearson(localSum, reference, source.Width, source.Height);
        output.WriteLine($"correlation with frame 0: global-only sum {cg:F4}, local sum {cl:F4}");
        Assert.True(cl > cg + 0.01, $"local {cl:F4} vs global {cg:F4}");
    }

    /// <summary>
    /// Frame t shows at pixel p the scene at p − drift_t − d_t(p + ½) (the generator evaluates the doming at pixel
    /// centres), so corrected(p) = frame_t(p − c) equals frame 0 when c = drift_0 + d_0(p + ½) − drift_t − d_t(p − c + ½),
    /// solved by fixed-point iteration.
    /// </summary>
    private static FrameShift TrueCompensation(PhantomSettings s, double x, double y, int t)
    {
        var doming = s.Doming;
        FrameShift D(double px, double py, int frame) =>
            doming is null ? FrameShift.Zero : doming.Displacement(px + 0.5, py + 0.5, frame, s.Frames, s.Width, s.Height);
        var fixedPart = s.Drift(0) + D(x, y, 0) - s.Drift(t);
        var c = fixedPart - D(x, y, t);
        for (int i = 0; i < 8; i++)
        {
            c = fixedPart - D(x - c.X, y - c.Y, t);
        }

        return c;
    }

    /// <summary>RMS errors over frames 1…n−1 on a 32 px lattice, <paramref name="margin"/> px or more from the border.</summary>
    private static (double Global, double Local) Errors(Run run, int margin = 0)
    {
        var s = run.Movie.Settings;
        double global = 0, local = 0;
        int n = 0;
        for (int t = 1; t < s.Frames; t++)
        {
            for (int y = 16; y < s.Height; y += 32)
            {
                for (int x = 16; x < s.Width; x += 32)
                {
                    if (x < margin || y < margin || x >= s.Width - margin || y >= s.Height - margin)
                    {
                        continue;
                    }

                    var truth = TrueCompensation(s, x, y, t);
                    var g = run.Local.GlobalCorrectiveShifts[t] - truth;
                    var l = run.Local.Compensation(x, y, t) - truth;
                    global += (g.X * g.X) + (g.Y * g.Y);
                    local += (l.X * l.X) + (l.Y * l.Y);
                    n++;
                }
            }
        }

        return (Math.Sqrt(global / n), Math.Sqrt(local / n));
    }

    /// <summary>Pearson correlation over the frame without a 24 px border (the resampler clamps at the border).</summary>
    private static double Pearson(float[] a, float[] b, int width, int height)
    {
        const int Margin = 24;
        double sa = 0, sb = 0, saa = 0, sbb = 0, sab = 0;
        int n = 0;
        for (int y = Margin; y < height - Margin; y++)
        {
            for (int x = Margin; x < width - Margin; x++)
            {
                double u = a[(y * width) + x];
                double v = b[(y * width) + x];
                sa += u;
                sb += v;
                saa += u * u;
                sbb += v * v;
                sab += u * v;
                n++;
            }
        }

        double cov = (sab / n) - (sa / n * (sb / n));
        double va = (saa / n) - (sa / n * (sa / n));
        double vb = (sbb / n) - (sb / n * (sb / n));
        return cov / Math.Sqrt(va * vb);
    }

    private static Run Align(DomingParameters? doming)
    {
        var movie = PhantomGenerator.Generate(new PhantomSettings { Width = 512, Height = 512, Frames = 10, DriftScale = 10, Noise = false, Doming = doming });
        var source = new InMemoryFrameSource(movie.Frames, 512, 512, 10);
        var global = new GlobalAligner(Algorithms).Align(source, new GlobalAlignmentSettings { MaxShift = 20 }, computeSum: false);
        var local = new LocalAligner(Algorithms).Align(source, global.CorrectiveShifts, Settings);
        return new Run(movie, source, local);
    }

    private sealed record Run(PhantomMovie Movie, InMemoryFrameSource Source, LocalAlignmentResult Local);
}
