using Oompa.Algorithms.Common.OpenCl;
using Oompa.Algorithms.Reconstruction.Geometry;
using Oompa.Algorithms.Reconstruction.Insertion;
using Oompa.Algorithms.Reconstruction.Insertion.OpenCl;
using Oompa.Algorithms.Tests.FourierProcessing;
using Oompa.Algorithms.Tests.Support;
using Oompa.Core.Algorithms;
using Oompa.Core.Data;
using Oompa.Core.Devices;
using Oompa.Tuning.Spaces;

namespace Oompa.Algorithms.Tests.Reconstruction.Insertion;

/// <summary>
/// The autotuner may pick any configuration of the insertion kernels, so every one must meet the contract and agree
/// with the CPU: 8 configurations per definition that the device runs — its default, a SHARED_IMG one where it has the
/// parameter, its extremes and a fixed-seed sample of the rest, skipping those whose work-group exceeds what the device
/// allows for the kernel (each program compiles in about a second on pocl) — run a request with
/// spaces of every plane direction, padding everywhere and fewer spaces than the largest GRID_DIM_Z.
/// Against the single-threaded CPU strategy the bound is 10⁻⁵ of the largest magnitude for table and nearest weights
/// (the same float operations; only the order in which spaces reach a voxel differs) and 10⁻⁴ for on-the-fly weights
/// (float Bessel series, or PRECOMP's interpolated dense table, against the CPU's double weights) — the tuner's own
/// validation bound — and against the double-precision contract the suite's tolerances. One subclass per kernel
/// definition, so that the programs each compiles (one per configuration) are shared out between test classes.
/// </summary>
public abstract class OpenClFourierInsertionConfigurationTests
{
    /// <summary>The settings whose kernel definition is sampled.</summary>
    protected abstract FourierInsertionSettings Settings { get; }

    [Fact]
    public void Sampled_configurations_agree_with_the_cpu_and_meet_the_contract()
    {
        var definition = OpenClFourierInsertion.DefinitionFor(Settings);
        var extras = definition.Space.Parameters.Any(p => p.Name == "SHARED_IMG")
            ? new[] { definition.Default, definition.Default.With("SHARED_IMG", 1).With("BLOCK_DIM", 8).With("TILE", 2) }
            : [definition.Default];
        var candidates = extras.Concat(OpenClFourierProcessingConfigurationTests.Sample(definition.Space, 40).Except(extras)).ToList();

        var c = Case(Settings, half: 8, spaces: 14, seed: 11);
        var (cpuG, cpuW, reference) = RunCpu(c);
        bool nearest = Settings.Mode == InsertionMode.NearestNeighbour;
        double rel = nearest ? FourierInsertionConformance.NearestRel
            : Settings.UsesTable ? FourierInsertionConformance.TableRel : FourierInsertionConformance.OnTheFlyRel;
        double agreement = !nearest && !Settings.UsesTable ? 1e-4 : 1e-5;
        int ran = 0;
        foreach (var configuration in candidates.TakeWhile(_ => ran < 8))
        {
            using var h = new InsertionHarness(c);
            var init = TryRun(h, Strategy(configuration));
            if (!init.Success)
            {
                // A device may allow fewer work-items for this kernel than BLOCK_DIM² (NVIDIA's limit falls with the
                // registers a kernel uses): the strategy declines such configurations, as the tuner expects, and
                // nothing else. The defaults fit every device (256 work-items).
                Assert.True(configuration != definition.Default, $"the default {configuration} was declined: {init.Explain()}");
                Assert.Contains("allows for this kernel", init.Explain(), StringComparison.Ordinal);
                continue;
            }

            ran++;
            h.AssertMatches(reference, rel);
            h.AssertInputsAndGuardsIntact();
            AssertAgree(cpuG, cpuW, h, agreement, configuration.ToString());
        }

        Assert.True(ran == 8, $"only {ran} of {candidates.Count} sampled configurations ran on {OpenClTestDevice.Device.Name}");
    }

    /// <summary>Random generic orientations (spaces of all three plane directions), three spectra, padding everywhere.</summary>
    internal static InsertionCase Case(FourierInsertionSettings settings, int half, int spaces, int seed)
    {
        var random = new Random(seed);
        EulerAngles Next() => new(random.NextDouble() * 360, random.NextDouble() * 180, random.NextDouble() * 360);
        var orientations = Enumerable.Range(0, spaces).Select(_ => Next()).ToArray();
        var operators = Enumerable.Range(0, spaces).Select(_ => Next()).ToArray();
        var weights = Enumerable.Range(0, spaces).Select(k => 0.5f + (k % 4 / 4f)).ToArray();
        var indices = Enumerable.Range(0, spaces).Select(k => k % 3).ToArray();
        return new InsertionCase(
            half, 3, orientations, operators, weights, indices, settings, FourierInsertionSettings.DefaultTableSize,
            new Padding(1, 0, 2, 1), new Padding(0, 2, 1, 0, 1, 1), new Padding(2, 1, 0, 1), seed);
    }

    internal static StrategyFactory<FourierInsertionOutput, FourierInsertionInput, FourierInsertionSettings> Strategy(TuningConfiguration? configuration, long? patchElements = null) =>
        new(OpenClStrategies.Kernels, () => new OpenClFourierInsertion(OpenClStrategies.Kernels, OpenClTestDevice.Device, patchElements) { Configuration = configuration });

    internal static void Run(InsertionHarness h, StrategyFactory<FourierInsertionOutput, FourierInsertionInput, FourierInsertionSettings> strategy) =>
        TryRun(h, strategy).ThrowIfFailed();

    /// <summary>Runs <paramref name="strategy"/> on the harness when its Init accepts; returns the Init result.</summary>
    internal static InitResult TryRun(InsertionHarness h, StrategyFactory<FourierInsertionOutput, FourierInsertionInput, FourierInsertionSettings> strategy)
    {
        using var algorithm = new FourierInsertion([strategy]);
        var init = algorithm.Init(h.Output, h.Input, h.Case.Settings);
        if (init.Success)
        {
            algorithm.Execute(h.Output, h.Input);
            algorithm.Synchronize();
        }

        return init;
    }

    /// <summary>The single-threaded CPU strategy's G and W for <paramref name="c"/>, and the contract's reference.</summary>
    internal static (ComplexF[] G, float[] W, InsertionReference Reference) RunCpu(InsertionCase c)
    {
        using var h = new InsertionHarness(c);
        Run(h, FourierInsertionStrategies.Cpu(new CpuDevice(1)).Single(f => f.Name == FourierInsertionStrategies.CpuSingleThreaded));
        return (h.Volume.GetLogical<ComplexF>(), h.Weights.GetLogical<float>(), h.Reference());
    }

    /// <summary>|Δ| ≤ rel · (largest magnitude) per component, as the tuner validates candidates.</summary>
    internal static void AssertAgree(ComplexF[] g, float[] w, InsertionHarness h, double rel, string what)
    {
        var actualG = h.Volume.GetLogical<ComplexF>();
        var actualW = h.Weights.GetLogical<float>();
        double scaleG = g.Max(v => Math.Max(Math.Abs(v.Re), Math.Abs(v.Im)));
        double scaleW = w.Max(Math.Abs);
        for (int v = 0; v < w.Length; v++)
        {
            double dg = Math.Max(Math.Abs(actualG[v].Re - g[v].Re), Math.Abs(actualG[v].Im - g[v].Im));
            Assert.True(dg <= rel * scaleG, $"{what}: voxel {h.Position(v)} G = {actualG[v]}, CPU {g[v]} (bound {rel * scaleG:G3})");
            Assert.True(Math.Abs(actualW[v] - w[v]) <= rel * scaleW, $"{what}: voxel {h.Position(v)} W = {actualW[v]}, CPU {w[v]} (bound {rel * scaleW:G3})");
        }
    }
}

public sealed class OpenClInsertionTableConfigurationTests : OpenClFourierInsertionConfigurationTests
{
    protected override FourierInsertionSettings Settings { get; } = new(BlobRadius: 2.1, BlobOrder: 2, BlobAlpha: 12);

    [Theory]
    [InlineData(1)]      // no block fits: every read goes to global memory
    [InlineData(150)]    // some blocks' patches fit, others fall back
    public void Shared_image_blocks_whose_patch_exceeds_the_capacity_read_global_memory_and_agree(long capacity)
    {
        var c = Case(Settings, half: 8, spaces: 6, seed: 4);
        var (cpuG, cpuW, reference) = RunCpu(c);
        var configuration = FourierInsertionKernels.BlobTable.Default.With("SHARED_IMG", 1).With("BLOCK_DIM", 8);
        using var h = new InsertionHarness(c);
        Run(h, Strategy(configuration, capacity));
        h.AssertMatches(reference, FourierInsertionConformance.TableRel);
        AssertAgree(cpuG, cpuW, h, 1e-5, $"{configuration} with a patch of {capacity}");
    }
}

public sealed class OpenClInsertionNearestConfigurationTests : OpenClFourierInsertionConfigurationTests
{
    protected override FourierInsertionSettings Settings { get; } = new(Mode: InsertionMode.NearestNeighbour);

    [Fact]
    public void Tuning_spaces_have_the_documented_sizes_and_defaults_valid_on_every_device()
    {
        Assert.Equal(432, FourierInsertionKernels.BlobTable.Space.Count());
        Assert.Equal(720, FourierInsertionKernels.BlobOnTheFly.Space.Count());
        Assert.Equal(144, FourierInsertionKernels.Nearest.Space.Count());
        foreach (var definition in new[] { FourierInsertionKernels.BlobTable, FourierInsertionKernels.BlobOnTheFly, FourierInsertionKernels.Nearest })
        {
            var d = definition.Default;
            Assert.True(d["BLOCK_DIM"] * d["BLOCK_DIM"] <= 256, $"{definition}: {d}");
            Assert.All(d.Where(p => p.Key.StartsWith("SHARED", StringComparison.Ordinal)), p => Assert.Equal(0, p.Value));
            Assert.Equal(0, d["ATOMICS"]);
        }
    }
}

public sealed class OpenClInsertionOnTheFlyConfigurationTests : OpenClFourierInsertionConfigurationTests
{
    protected override FourierInsertionSettings Settings { get; } = new(BlobRadius: 2.1, BlobOrder: 2, BlobAlpha: 12, Evaluation: BlobEvaluation.OnTheFly);

    [Theory]
    [InlineData(0, 60.0)]
    [InlineData(1, 100.0)]
    [InlineData(2, 35.0)]
    [InlineData(3, 80.0)]
    [InlineData(4, 100.0)]
    public void Weights_with_a_large_alpha_meet_the_contract_computed_and_precomputed(int order, double alpha)
    {
        // α·s above 10 takes the kernel's asymptotic series of e^(−x)·I_m(x); large α would overflow a plain float series.
        var settings = new FourierInsertionSettings(BlobRadius: 2.7, BlobOrder: order, BlobAlpha: alpha, Evaluation: BlobEvaluation.OnTheFly);
        var c = Case(settings, half: 6, spaces: 5, seed: order + 3);
        var (cpuG, cpuW, reference) = RunCpu(c);
        var computed = FourierInsertionKernels.BlobOnTheFly.Default.With("PRECOMP", 0);
        var precomputed = computed.With("PRECOMP", 1).With("SHARED_TABLE", 1);
        foreach (var configuration in new[] { computed, precomputed })
        {
            using var h = new InsertionHarness(c);
            Run(h, Strategy(configuration));
            h.AssertMatches(reference, FourierInsertionConformance.OnTheFlyRel);
            AssertAgree(cpuG, cpuW, h, 1e-4, configuration.ToString());
        }
    }
}
