using FsCheck;
using FsCheck.Fluent;
using Oompa.Algorithms.Initialization;
using Oompa.Algorithms.Tests.Support;
using Oompa.Core.Algorithms;
using Oompa.Core.Data;
using Oompa.Core.Devices;
using Init = Oompa.Algorithms.Initialization.Initialization;

namespace Oompa.Algorithms.Tests.Initialization;

/// <summary>The contract every Initialization strategy meets; instantiated once per strategy and backend.</summary>
public abstract class InitializationConformance
{
    /// <summary>The single strategy under test.</summary>
    protected abstract StrategyFactory<InitializationOutput, NoPayloads, InitializationSettings> Strategy { get; }

    private Init Create() => new([Strategy]);

    [Fact]
    public void Fills_every_data_element_and_leaves_padding_and_guards_untouched() =>
        Prop.ForAll(
            Arb.From(Gens.AnySize(max: 20, maxBatch: 5).SelectMany(s => Gens.PaddingFor(s).Select(p => (s, p)))),
            Arb.From(Gen.Choose(-1000, 1000)),
            (sp, v) =>
            {
                var (size, padding) = sp;
                using var data = new GuardedPayload<LogicalDescriptor>(new LogicalDescriptor(size, padding), DataType.Float32, "data");
                using var algorithm = Create();
                var output = new InitializationOutput(data.Payload);
                algorithm.Init(output, NoPayloads.Instance, new InitializationSettings(v / 8.0)).ThrowIfFailed();
                algorithm.Execute(output, NoPayloads.Instance);
                algorithm.Synchronize();
                Assert.All(data.GetLogical<float>(), e => Assert.Equal((float)(v / 8.0), e));
                data.AssertPaddingUntouched();
                data.AssertGuardsIntact();
            }).QuickCheckThrowOnFailure();

    [Fact]
    public void Fills_complex_and_double_payloads()
    {
        var size = new Size(5, 3, 1, 2);
        using var c = new GuardedPayload<LogicalDescriptor>(new LogicalDescriptor(size), DataType.Complex32);
        using var algorithm = Create();
        var output = new InitializationOutput(c.Payload);
        algorithm.Init(output, NoPayloads.Instance, new InitializationSettings(1.5, -2)).ThrowIfFailed();
        algorithm.Execute(output, NoPayloads.Instance);
        Assert.All(c.GetLogical<ComplexF>(), e => Assert.Equal(new ComplexF(1.5f, -2f), e));
        c.AssertGuardsIntact();

        using var d = new GuardedPayload<LogicalDescriptor>(new LogicalDescriptor(size), DataType.Float64);
        var outD = new InitializationOutput(d.Payload);
        algorithm.Init(outD, NoPayloads.Instance, new InitializationSettings(Math.PI)).ThrowIfFailed();
        algorithm.Execute(outD, NoPayloads.Instance);
        Assert.All(d.GetLogical<double>(), e => Assert.Equal(Math.PI, e));
    }

    [Fact]
    public void Rejects_unsupported_types_and_imaginary_parts_for_real_data_with_reasons()
    {
        using var algorithm = Create();
        var bytes = Payload<LogicalDescriptor>.Describe(new LogicalDescriptor(new Size(4)), DataType.Byte, "mask");
        var result = algorithm.Init(new InitializationOutput(bytes), NoPayloads.Instance, InitializationSettings.Zero);
        Assert.False(result.Success);
        Assert.Contains(result.RequestProblems, p => p.Contains("'Data'", StringComparison.Ordinal) && p.Contains("Byte", StringComparison.Ordinal));

        var floats = Payload<LogicalDescriptor>.Describe(new LogicalDescriptor(new Size(4)), DataType.Float32);
        result = algorithm.Init(new InitializationOutput(floats), NoPayloads.Instance, new InitializationSettings(1, 2));
        Assert.False(result.Success);
        Assert.Contains(result.RequestProblems, p => p.Contains("Imaginary", StringComparison.Ordinal));
    }

    [Fact]
    public void Execute_rejects_payloads_that_differ_from_init_or_are_too_small()
    {
        using var algorithm = Create();
        using var a = new GuardedPayload<LogicalDescriptor>(new LogicalDescriptor(new Size(8, 8)), DataType.Float32);
        using var b = new GuardedPayload<LogicalDescriptor>(new LogicalDescriptor(new Size(8, 9)), DataType.Float32);
        algorithm.Init(new InitializationOutput(a.Payload), NoPayloads.Instance, InitializationSettings.Zero).ThrowIfFailed();

        var differs = Assert.Throws<ArgumentException>(() => algorithm.Execute(new InitializationOutput(b.Payload), NoPayloads.Instance));
        Assert.Contains("Size.Y is 9, expected 8", differs.Message, StringComparison.Ordinal);

        var truncated = a.Payload with { Physical = a.Payload.Physical with { Bytes = 10 } };
        var small = Assert.Throws<ArgumentException>(() => algorithm.Execute(new InitializationOutput(truncated), NoPayloads.Instance));
        Assert.Contains("Physical.Bytes is 10", small.Message, StringComparison.Ordinal);
        a.AssertGuardsIntact();
    }
}

public sealed class CpuSingleThreadedInitializationTests : InitializationConformance
{
    protected override StrategyFactory<InitializationOutput, NoPayloads, InitializationSettings> Strategy =>
        InitializationStrategies.Cpu(new CpuDevice(4)).Single(f => f.Name == InitializationStrategies.CpuSingleThreaded);
}

public sealed class CpuMultiThreadedInitializationTests : InitializationConformance
{
    protected override StrategyFactory<InitializationOutput, NoPayloads, InitializationSettings> Strategy =>
        InitializationStrategies.Cpu(new CpuDevice(4)).Single(f => f.Name == InitializationStrategies.CpuMultiThreaded);
}

public sealed class OpenClInitializationTests : InitializationConformance
{
    protected override StrategyFactory<InitializationOutput, NoPayloads, InitializationSettings> Strategy =>
        InitializationStrategies.OpenCl(OpenClTestDevice.Device).Single();
}
