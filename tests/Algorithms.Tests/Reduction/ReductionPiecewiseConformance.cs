using FsCheck;
using FsCheck.Fluent;
using Oompa.Algorithms.Reduction;
using Oompa.Algorithms.Tests.Support;
using Oompa.Core.Algorithms;
using Oompa.Core.Data;
using Oompa.Core.Devices;
using Reduce = Oompa.Algorithms.Reduction.Reduction;

namespace Oompa.Algorithms.Tests.Reduction;

/// <summary>PiecewiseAdd (out += in) as every Reduction strategy must do it; instantiated once per strategy.</summary>
public abstract class ReductionPiecewiseConformance
{
    /// <summary>The single strategy under test.</summary>
    protected abstract StrategyFactory<ReductionOutput, ReductionInput, ReductionSettings> Strategy { get; }

    private void Accumulate(GuardedPayload<LogicalDescriptor> output, GuardedPayload<LogicalDescriptor> input)
    {
        using var algorithm = new Reduce([Strategy]);
        var o = ReductionOutput.Accumulate(output.Payload);
        var i = new ReductionInput(input.Payload);
        algorithm.Init(o, i, ReductionSettings.PiecewiseAdd).ThrowIfFailed();
        algorithm.Execute(o, i);
        algorithm.Synchronize();
    }

    /// <summary>Runs out += in on random data of <paramref name="layout"/> and checks the exact element-wise result
    /// (one IEEE addition per scalar, so no tolerance), untouched padding, guards and input.</summary>
    private void CheckAdd<T>(LogicalDescriptor layout, DataType type, Func<int, long, T[]> data, Func<T, T, T> add, int seed)
        where T : unmanaged
    {
        using var output = new GuardedPayload<LogicalDescriptor>(layout, type, "accumulator");
        using var input = new GuardedPayload<LogicalDescriptor>(layout, type, "increment");
        T[] a = data(seed, layout.Size.Total);
        T[] b = data(seed + 1, layout.Size.Total);
        output.SetLogical<T>(a);
        input.SetLogical<T>(b);
        Accumulate(output, input);
        Assert.Equal(a.Zip(b, add).ToArray(), output.GetLogical<T>());
        Assert.Equal(b, input.GetLogical<T>());
        output.AssertPaddingUntouched();
        input.AssertPaddingUntouched();
        output.AssertGuardsIntact();
        input.AssertGuardsIntact();
    }

    private static double[] Doubles(int seed, long count)
    {
        var rng = new Random(seed);
        return [.. Enumerable.Range(0, (int)count).Select(_ => (rng.NextDouble() * 2) - 1)];
    }

    [Fact]
    public void Adds_element_wise_for_every_type_over_sizes_batches_and_padding() =>
        Prop.ForAll(
            Arb.From(
                from size in Gens.AnySize(max: 20, maxBatch: 17)
                from padding in Gen.OneOf(Gen.Constant(Padding.None), Gens.PaddingFor(size))
                select new LogicalDescriptor(size, padding)),
            Arb.From(Gen.Elements(DataType.Float32, DataType.Float64, DataType.Complex32)),
            Arb.From(Gens.Seed),
            (layout, type, seed) =>
            {
                if (type == DataType.Float32)
                {
                    CheckAdd<float>(layout, type, Gens.Floats, (x, y) => x + y, seed);
                }
                else if (type == DataType.Float64)
                {
                    CheckAdd<double>(layout, type, Doubles, (x, y) => x + y, seed);
                }
                else
                {
                    CheckAdd<ComplexF>(layout, type, Gens.Complexes, (x, y) => x + y, seed);
                }
            }).QuickCheckThrowOnFailure();

    [Fact]
    public void Adds_large_buffers_split_across_threads()
    {
        // Each buffer holds more than 2·32 768 scalars, so a multi-threaded strategy splits it into parallel chunks.
        CheckAdd<float>(new LogicalDescriptor(new Size(100_003)), DataType.Float32, Gens.Floats, (x, y) => x + y, 7);
        CheckAdd<ComplexF>(new LogicalDescriptor(new Size(131, 97, 1, 3), new Padding(1, 2, 3, 0)), DataType.Complex32, Gens.Complexes, (x, y) => x + y, 8);
        CheckAdd<double>(new LogicalDescriptor(new Size(64, 32, 40)), DataType.Float64, Doubles, (x, y) => x + y, 9);
    }

    [Fact]
    public void Accumulating_a_payload_into_itself_doubles_it_and_nans_propagate_per_element()
    {
        var layout = new LogicalDescriptor(new Size(37, 5, 1, 2), new Padding(2, 1, 0, 1));
        using var data = new GuardedPayload<LogicalDescriptor>(layout, DataType.Float32, "data");
        float[] a = Gens.Floats(3, layout.Size.Total);
        a[11] = float.NaN;
        a[12] = float.PositiveInfinity;
        data.SetLogical<float>(a);
        Accumulate(data, data);
        float[] doubled = data.GetLogical<float>();
        Assert.True(float.IsNaN(doubled[11]));
        Assert.Equal(float.PositiveInfinity, doubled[12]);
        Assert.Equal(a.Select(v => v + v).Where((_, i) => i != 11), doubled.Where((_, i) => i != 11));
        data.AssertPaddingUntouched();
        data.AssertGuardsIntact();
    }
}

public sealed class CpuSingleThreadedReductionPiecewiseTests : ReductionPiecewiseConformance
{
    protected override StrategyFactory<ReductionOutput, ReductionInput, ReductionSettings> Strategy =>
        ReductionStrategies.Cpu(new CpuDevice(4)).Single(f => f.Name == ReductionStrategies.CpuSingleThreaded);
}

public sealed class CpuMultiThreadedReductionPiecewiseTests : ReductionPiecewiseConformance
{
    protected override StrategyFactory<ReductionOutput, ReductionInput, ReductionSettings> Strategy =>
        ReductionStrategies.Cpu(new CpuDevice(4)).Single(f => f.Name == ReductionStrategies.CpuMultiThreaded);
}

public sealed class OpenClReductionPiecewiseTests : ReductionPiecewiseConformance
{
    protected override StrategyFactory<ReductionOutput, ReductionInput, ReductionSettings> Strategy =>
        ReductionStrategies.OpenCl(OpenClTestDevice.Device).Single();
}
