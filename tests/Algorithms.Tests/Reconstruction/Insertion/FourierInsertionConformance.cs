using FsCheck;
using FsCheck.Fluent;
using Oompa.Algorithms.Reconstruction.Geometry;
using Oompa.Algorithms.Reconstruction.Insertion;
using Oompa.Algorithms.Tests.Support;
using Oompa.Core.Algorithms;
using Oompa.Core.Data;

namespace Oompa.Algorithms.Tests.Reconstruction.Insertion;

/// <summary>
/// The contract every FourierInsertion strategy meets; instantiated once per strategy and backend, public API and
/// Support helpers only. The reference (<see cref="InsertionReference"/>) evaluates the contract's formulas in double
/// precision over the whole volume. Tolerances, relative to each voxel's magnitude (|G₀| + Σ|contribution|):
/// 1e-3 for on-the-fly weights (float positions move d² by ~1e-5, and the blob's slope is up to α/(2r²) per unit d²),
/// 3e-3 for table weights (adds one table step, α/(2(N−1)), when float and double round the index differently),
/// 1e-5 for nearest neighbour (exact choices, float sums).
/// </summary>
public abstract partial class FourierInsertionConformance
{
    public const double OnTheFlyRel = 1e-3;
    public const double TableRel = 3e-3;
    public const double NearestRel = 1e-5;

    /// <summary>The single strategy under test.</summary>
    protected abstract StrategyFactory<FourierInsertionOutput, FourierInsertionInput, FourierInsertionSettings> Strategy { get; }

    protected FourierInsertion Create() => new([Strategy]);

    protected void Run(InsertionHarness h)
    {
        using var algorithm = Create();
        algorithm.Init(h.Output, h.Input, h.Case.Settings).ThrowIfFailed();
        algorithm.Execute(h.Output, h.Input);
        algorithm.Synchronize();
    }

    [Fact]
    public void Blob_gather_matches_the_double_precision_contract() =>
        Prop.ForAll(Arb.From(InsertionCase.Generate(InsertionCase.BlobSettings)), c =>
        {
            using var h = new InsertionHarness(c);
            Run(h);
            h.AssertMatches(h.Reference(), c.Settings.UsesTable ? TableRel : OnTheFlyRel);
            h.AssertInputsAndGuardsIntact();
        }).QuickCheckThrowOnFailure();

    [Fact]
    public void Nearest_neighbour_matches_the_contract() =>
        Prop.ForAll(Arb.From(InsertionCase.Generate(InsertionCase.NearestSettings)), c =>
        {
            using var h = new InsertionHarness(c);
            Run(h);
            h.AssertMatches(h.Reference(), NearestRel);
            h.AssertInputsAndGuardsIntact();
        }).QuickCheckThrowOnFailure();

    [Theory]
    [InlineData(InsertionMode.Blob, BlobEvaluation.Table, 12)]
    [InlineData(InsertionMode.Blob, BlobEvaluation.OnTheFly, 10)]
    [InlineData(InsertionMode.NearestNeighbour, BlobEvaluation.Table, 16)]
    public void Default_blob_on_a_larger_volume_with_many_spaces_matches_the_contract(InsertionMode mode, BlobEvaluation evaluation, int half)
    {
        var rng = new Random(half);
        int spaces = 12;
        EulerAngles Next() => new(rng.NextDouble() * 360, rng.NextDouble() * 180, rng.NextDouble() * 360);
        var c = new InsertionCase(
            half, 3, [.. Enumerable.Range(0, spaces).Select(_ => Next())], [.. Enumerable.Range(0, spaces).Select(_ => Next())],
            [.. Enumerable.Repeat(1f, spaces)], [.. Enumerable.Range(0, spaces).Select(k => k % 3)],
            new FourierInsertionSettings(Mode: mode, Evaluation: evaluation), FourierInsertionSettings.DefaultTableSize,
            new Padding(1, 2, 0, 1), new Padding(0, 1, 1, 0, 2, 0), new Padding(2, 0), 7);
        using var h = new InsertionHarness(c);
        Run(h);
        h.AssertMatches(h.Reference(), mode == InsertionMode.NearestNeighbour ? NearestRel : evaluation == BlobEvaluation.Table ? TableRel : OnTheFlyRel);
        h.AssertInputsAndGuardsIntact();
    }

    [Fact]
    public void Nearest_neighbour_with_the_identity_orientation_copies_the_spectrum_onto_the_central_plane()
    {
        // A = I, operator I: coefficient (i, j) is frequency (i, j − R, 0), i.e. voxel (R + i, j, R).
        var h = Fresh(new FourierInsertionSettings(Mode: InsertionMode.NearestNeighbour), new EulerAngles(0, 0, 0));
        using (h)
        {
            Run(h);
            int half = h.Case.Half, side = (2 * half) + 1;
            var g = h.Volume.GetLogical<ComplexF>();
            var w = h.Weights.GetLogical<float>();
            for (int v = 0; v < w.Length; v++)
            {
                int x = v % side, y = v / side % side, z = v / (side * side);
                bool onHalfPlane = z == half && x >= half && (x - half) * (x - half) + (y - half) * (y - half) <= half * half;
                Assert.Equal(onHalfPlane ? 1f : 0f, w[v]);
                Assert.Equal(onHalfPlane ? h.SpectraValues[x - half + ((half + 1) * y)] : default, g[v]);
            }
        }
    }

    [Theory]
    [InlineData(BlobEvaluation.Table)]
    [InlineData(BlobEvaluation.OnTheFly)]
    public void Blob_gather_of_a_constant_spectrum_gives_that_constant_wherever_a_weight_lands(BlobEvaluation evaluation)
    {
        var h = Fresh(new FourierInsertionSettings(Evaluation: evaluation), new EulerAngles(10, 70, 200), new EulerAngles(0, 0, 0), new EulerAngles(45, 90, 0));
        using (h)
        {
            var constant = new ComplexF(0.75f, -0.5f);
            h.Spectra.SetLogical<ComplexF>(Enumerable.Repeat(constant, h.SpectraValues.Length).ToArray());
            Run(h);
            var g = h.Volume.GetLogical<ComplexF>();
            var w = h.Weights.GetLogical<float>();
            int weighted = 0;
            for (int v = 0; v < w.Length; v++)
            {
                if (w[v] > 1e-6f)
                {
                    weighted++;
                    Assert.Equal(constant.Re, g[v].Re / w[v], 4);
                    Assert.Equal(constant.Im, g[v].Im / w[v], 4);
                }
                else
                {
                    Assert.Equal(0f, g[v].Re, 6);
                }
            }

            Assert.True(weighted > w.Length / 4, $"only {weighted} of {w.Length} voxels received weight");
        }
    }

    /// <summary>A harness with zeroed accumulators, R = 5, one spectrum and one space per orientation.</summary>
    protected static InsertionHarness Fresh(FourierInsertionSettings settings, params EulerAngles[] orientations)
    {
        int n = orientations.Length;
        var c = new InsertionCase(5, 1, orientations, [.. Enumerable.Repeat(new EulerAngles(0, 0, 0), n)], [.. Enumerable.Repeat(1f, n)], new int[n],
            settings, FourierInsertionSettings.DefaultTableSize, default, default, default, 3);
        var h = new InsertionHarness(c);
        h.Volume.SetLogical<ComplexF>(new ComplexF[h.G0.Length]);
        h.Weights.SetLogical<float>(new float[h.W0.Length]);
        return h;
    }
}
