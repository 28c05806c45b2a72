using FsCheck;
using FsCheck.Fluent;
using Oompa.Algorithms.Reduction;
using Oompa.Algorithms.Tests.Support;
using Oompa.Core.Algorithms;
using Oompa.Core.Data;
using Oompa.Core.Devices;
using Reduce = Oompa.Algorithms.Reduction.Reduction;

namespace Oompa.Algorithms.Tests.Reduction;

/// <summary>
/// Per-signal Sum, Mean, Min and Max as every Reduction strategy must compute them; instantiated once per strategy.
/// Reference: LINQ in double. Tolerance for Sum/Mean: 1.2e-7·|reference| (the final rounding to Float32) plus
/// 1e-12·Σ|v| (double sums in another order); Min/Max are exact.
/// </summary>
public abstract class ReductionStatisticsConformance
{
    /// <summary>The single strategy under test.</summary>
    protected abstract StrategyFactory<ReductionOutput, ReductionInput, ReductionSettings> Strategy { get; }

    private float[] Run<T>(LogicalDescriptor layout, DataType type, T[] logical, ReductionOperation operation)
        where T : unmanaged
    {
        using var input = new GuardedPayload<LogicalDescriptor>(layout, type, "data");
        input.SetLogical<T>(logical);
        var settings = new ReductionSettings(operation);
        using var values = new GuardedPayload<LogicalDescriptor>(Reduce.OutputDescriptor(layout, settings), DataType.Float32, "values");
        using var algorithm = new Reduce([Strategy]);
        var o = ReductionOutput.PerSignal(values.Payload);
        var i = new ReductionInput(input.Payload);
        algorithm.Init(o, i, settings).ThrowIfFailed();
        algorithm.Execute(o, i);
        algorithm.Synchronize();
        Assert.Equal(logical, input.GetLogical<T>());
        input.AssertPaddingUntouched();
        input.AssertGuardsIntact();
        values.AssertGuardsIntact();
        return values.GetLogical<float>();
    }

    private static void AssertAgrees(double[] logical, Size size, ReductionOperation operation, float[] actual)
    {
        for (int n = 0; n < size.N; n++)
        {
            var signal = new ArraySegment<double>(logical, (int)(n * size.Single), (int)size.Single);
            double expected = operation switch
            {
                ReductionOperation.Sum => signal.Sum(),
                ReductionOperation.Mean => signal.Sum() / signal.Count,
                ReductionOperation.Min => signal.Min(),
                _ => signal.Max(),
            };
            double scale = operation == ReductionOperation.Mean ? signal.Count : 1;
            double bound = operation is ReductionOperation.Sum or ReductionOperation.Mean
                ? (1.2e-7 * Math.Abs(expected)) + (1e-12 * signal.Sum(Math.Abs) / scale)
                : 0;
            double error = bound == 0 ? Math.Abs(actual[n] - (double)(float)expected) : Math.Abs(actual[n] - expected);
            if (!(error <= bound))
            {
                Assert.Fail($"{operation} of signal {n}: expected {expected}, got {actual[n]} (bound {bound:G3}).");
            }
        }
    }

    private static Gen<ReductionOperation> Statistic => Gen.Elements(ReductionOperation.Sum, ReductionOperation.Mean, ReductionOperation.Min, ReductionOperation.Max);

    [Fact]
    public void Agrees_with_linq_in_double_over_sizes_batches_padding_and_types() =>
        Prop.ForAll(
            Arb.From(
                from size in Gens.AnySize(max: 20, maxBatch: 17)
                from padding in Gen.OneOf(Gen.Constant(Padding.None), Gens.PaddingFor(size))
                select new LogicalDescriptor(size, padding)),
            Arb.From(from op in Statistic from f64 in Gen.Elements(false, true) from seed in Gens.Seed select (op, f64, seed)),
            (layout, p) =>
            {
                float[] data = Gens.Floats(p.seed, layout.Size.Total);
                if (p.f64)
                {
                    double[] d = [.. data.Select((v, i) => v + (i * 1e-9))];
                    AssertAgrees(d, layout.Size, p.op, Run<double>(layout, DataType.Float64, d, p.op));
                }
                else
                {
                    AssertAgrees([.. data.Select(v => (double)v)], layout.Size, p.op, Run<float>(layout, DataType.Float32, data, p.op));
                }
            }).QuickCheckThrowOnFailure();

    [Fact]
    public void Large_signals_split_across_threads_agree_with_the_reference()
    {
        // Two padded signals of 67 591 elements (more than 2·32 768): a multi-threaded strategy splits each into chunks.
        var layout = new LogicalDescriptor(new Size(263, 257, 1, 2), new Padding(1, 2, 1, 1));
        float[] data = Gens.Floats(11, layout.Size.Total);
        data[5] = 3;
        data[67_591 + 60_000] = -4;
        foreach (var op in new[] { ReductionOperation.Sum, ReductionOperation.Mean, ReductionOperation.Min, ReductionOperation.Max })
        {
            AssertAgrees([.. data.Select(v => (double)v)], layout.Size, op, Run<float>(layout, DataType.Float32, data, op));
        }
    }

    [Fact]
    public void Sum_accumulates_in_double()
    {
        // 2^24 + 1 + 1 + ... in float would stick at 2^24; in double the ones count.
        float[] data = [16_777_216f, .. Enumerable.Repeat(1f, 99)];
        Assert.Equal(16_777_315f, Run<float>(new LogicalDescriptor(new Size(100)), DataType.Float32, data, ReductionOperation.Sum)[0]);
    }

    [Fact]
    public void Nan_anywhere_in_a_signal_gives_nan_and_infinities_follow_ieee()
    {
        var layout = new LogicalDescriptor(new Size(19, 3, 1, 4), new Padding(0, 3, 1, 0));
        float[] data = Gens.Floats(5, layout.Size.Total);
        data[40] = float.NaN;                       // signal 0
        data[57 + 3] = float.PositiveInfinity;      // signal 1: +∞
        data[114 + 7] = float.PositiveInfinity;     // signal 2: +∞ and −∞
        data[114 + 50] = float.NegativeInfinity;
        foreach (var op in new[] { ReductionOperation.Sum, ReductionOperation.Mean, ReductionOperation.Min, ReductionOperation.Max })
        {
            float[] r = Run<float>(layout, DataType.Float32, data, op);
            Assert.True(float.IsNaN(r[0]), $"{op} of a signal with a NaN");
            Assert.False(float.IsNaN(r[3]), $"{op} of a clean signal");
            switch (op)
            {
                case ReductionOperation.Sum or ReductionOperation.Mean:
                    Assert.Equal(float.PositiveInfinity, r[1]);
                    Assert.True(float.IsNaN(r[2]));
                    break;
                case ReductionOperation.Max:
                    Assert.Equal(float.PositiveInfinity, r[1]);
                    Assert.Equal(float.PositiveInfinity, r[2]);
                    break;
                default:
                    Assert.True(r[1] >= -1);
                    Assert.Equal(float.NegativeInfinity, r[2]);
                    break;
            }
        }
    }
}

public sealed class CpuSingleThreadedReductionStatisticsTests : ReductionStatisticsConformance
{
    protected override StrategyFactory<ReductionOutput, ReductionInput, ReductionSettings> Strategy =>
        ReductionStrategies.Cpu(new CpuDevice(4)).Single(f => f.Name == ReductionStrategies.CpuSingleThreaded);
}

public sealed class CpuMultiThreadedReductionStatisticsTests : ReductionStatisticsConformance
{
    protected override StrategyFactory<ReductionOutput, ReductionInput, ReductionSettings> Strategy =>
        ReductionStrategies.Cpu(new CpuDevice(4)).Single(f => f.Name == ReductionStrategies.CpuMultiThreaded);
}

public sealed class OpenClReductionStatisticsTests : ReductionStatisticsConformance
{
    protected override StrategyFactory<ReductionOutput, ReductionInput, ReductionSettings> Strategy =>
        ReductionStrategies.OpenCl(OpenClTestDevice.Device).Single();
}

/// <summary>The statistics suite with sums in float-float, the path devices without double precision take.</summary>
public sealed class OpenClFloatFloatReductionStatisticsTests : ReductionStatisticsConformance
{
    protected override StrategyFactory<ReductionOutput, ReductionInput, ReductionSettings> Strategy =>
        new(ReductionStrategies.OpenClKernels, () => new Oompa.Algorithms.Reduction.OpenCl.OpenClReduction(ReductionStrategies.OpenClKernels, OpenClTestDevice.Device, floatFloat: true));
}
