using Oompa.Algorithms.Reduction;
using Oompa.Algorithms.Tests.Support;
using Oompa.Core.Algorithms;
using Oompa.Core.Data;
using Oompa.Core.Devices;
using Reduce = Oompa.Algorithms.Reduction.Reduction;

namespace Oompa.Algorithms.Tests.Reduction;

/// <summary>Requests every Reduction strategy must decline, with reasons naming member and field.</summary>
public abstract class ReductionValidationConformance
{
    private static readonly LogicalDescriptor Layout = new(new Size(12, 7, 1, 3), new Padding(1, 1));

    /// <summary>The single strategy under test.</summary>
    protected abstract StrategyFactory<ReductionOutput, ReductionInput, ReductionSettings> Strategy { get; }

    private static Payload<LogicalDescriptor> Describe(LogicalDescriptor d, DataType? type = null) =>
        Payload<LogicalDescriptor>.Describe(d, type ?? DataType.Float32);

    private InitResult Init(ReductionOutput output, ReductionSettings settings, Payload<LogicalDescriptor>? data = null)
    {
        using var algorithm = new Reduce([Strategy]);
        return algorithm.Init(output, new ReductionInput(data ?? Describe(Layout)), settings);
    }

    private void AssertDeclined(ReductionOutput output, ReductionSettings settings, Payload<LogicalDescriptor>? data, params string[] fragments)
    {
        var result = Init(output, settings, data);
        Assert.False(result.Success, "the request should have been declined");
        Assert.Contains(result.RequestProblems, p => fragments.All(f => p.Contains(f, StringComparison.Ordinal)));
    }

    [Fact]
    public void Accepts_well_formed_requests()
    {
        Assert.True(Init(ReductionOutput.Accumulate(Describe(Layout, DataType.Complex32)), ReductionSettings.PiecewiseAdd, Describe(Layout, DataType.Complex32)).Success);
        var mean = new ReductionSettings(ReductionOperation.Mean);
        Assert.Equal(new Size(1, 1, 1, 3), Reduce.OutputDescriptor(Layout, mean).Size);
        Assert.Equal(Layout, Reduce.OutputDescriptor(Layout, ReductionSettings.PiecewiseAdd));
        Assert.True(Init(ReductionOutput.PerSignal(Describe(Reduce.OutputDescriptor(Layout, mean))), mean, Describe(Layout, DataType.Float64)).Success);
    }

    [Fact]
    public void Declines_unsupported_or_mismatched_types()
    {
        var max = new ReductionSettings(ReductionOperation.Max);
        var values = Describe(Reduce.OutputDescriptor(Layout, max));
        AssertDeclined(ReductionOutput.PerSignal(values), max, Describe(Layout, DataType.Complex32), "input member 'Data'", "Physical.Type is Complex32");
        AssertDeclined(ReductionOutput.Accumulate(Describe(Layout, DataType.Byte)), ReductionSettings.PiecewiseAdd, Describe(Layout, DataType.Byte), "input member 'Data'", "Byte");
        AssertDeclined(ReductionOutput.Accumulate(Describe(Layout, DataType.Float64)), ReductionSettings.PiecewiseAdd, null, "output member 'Data'", "Physical.Type is Float64, expected Float32");
        AssertDeclined(ReductionOutput.PerSignal(Describe(Reduce.OutputDescriptor(Layout, max), DataType.Float64)), max, null, "output member 'Values'", "Physical.Type is Float64");
    }

    [Fact]
    public void Declines_missing_or_extra_members()
    {
        var sum = new ReductionSettings(ReductionOperation.Sum);
        var values = Describe(Reduce.OutputDescriptor(Layout, sum));
        AssertDeclined(ReductionOutput.Accumulate(Describe(Layout)), sum, null, "output member 'Values' is absent", "Sum");
        AssertDeclined(ReductionOutput.Accumulate(Describe(Layout)), sum, null, "output member 'Data' is present", "pass null");
        AssertDeclined(ReductionOutput.PerSignal(values), ReductionSettings.PiecewiseAdd, null, "output member 'Data' is absent", "PiecewiseAdd");
        AssertDeclined(new ReductionOutput(Describe(Layout), values), ReductionSettings.PiecewiseAdd, null, "output member 'Values' is present");
        AssertDeclined(ReductionOutput.PerSignal(values), new ReductionSettings((ReductionOperation)42), null, "settings: Operation 42");
    }

    [Fact]
    public void Declines_descriptors_that_differ_naming_the_field()
    {
        AssertDeclined(ReductionOutput.Accumulate(Describe(new LogicalDescriptor(Layout.Size))), ReductionSettings.PiecewiseAdd, null, "output member 'Data'", "Padding is x[0,0]", "expected x[1,1]");
        AssertDeclined(ReductionOutput.Accumulate(Describe(Layout.WithN(4))), ReductionSettings.PiecewiseAdd, null, "output member 'Data'", "Size.N is 4, expected 3");
        var min = new ReductionSettings(ReductionOperation.Min);
        AssertDeclined(ReductionOutput.PerSignal(Describe(new LogicalDescriptor(new Size(3)))), min, null, "output member 'Values'", "Size.X is 3, expected 1");
    }

    [Fact]
    public void Execute_rejects_payloads_that_differ_from_init()
    {
        using var a = new GuardedPayload<LogicalDescriptor>(Layout, DataType.Float32, "a");
        using var b = new GuardedPayload<LogicalDescriptor>(Layout, DataType.Float32, "b");
        using var algorithm = new Reduce([Strategy]);
        algorithm.Init(ReductionOutput.Accumulate(a.Payload), new ReductionInput(b.Payload), ReductionSettings.PiecewiseAdd).ThrowIfFailed();
        var truncated = b.Payload with { Physical = b.Payload.Physical with { Bytes = 16 } };
        var error = Assert.Throws<ArgumentException>(() => algorithm.Execute(ReductionOutput.Accumulate(a.Payload), new ReductionInput(truncated)));
        Assert.Contains("Physical.Bytes is 16", error.Message, StringComparison.Ordinal);
        a.AssertGuardsIntact();
    }
}

public sealed class CpuSingleThreadedReductionValidationTests : ReductionValidationConformance
{
    protected override StrategyFactory<ReductionOutput, ReductionInput, ReductionSettings> Strategy =>
        ReductionStrategies.Cpu(new CpuDevice(4)).Single(f => f.Name == ReductionStrategies.CpuSingleThreaded);
}

public sealed class CpuMultiThreadedReductionValidationTests : ReductionValidationConformance
{
    protected override StrategyFactory<ReductionOutput, ReductionInput, ReductionSettings> Strategy =>
        ReductionStrategies.Cpu(new CpuDevice(4)).Single(f => f.Name == ReductionStrategies.CpuMultiThreaded);
}

public sealed class OpenClReductionValidationTests : ReductionValidationConformance
{
    protected override StrategyFactory<ReductionOutput, ReductionInput, ReductionSettings> Strategy =>
        ReductionStrategies.OpenCl(OpenClTestDevice.Device).Single();
}
