using System.Globalization;
using Oompa.Algorithms.Common;
using Oompa.Algorithms.Common.OpenCl;
using Oompa.Core.Algorithms;
using Oompa.Core.Data;
using Oompa.Core.Devices;
using Oompa.Core.Devices.OpenCl;
using Oompa.Tuning.Spaces;

namespace Oompa.Algorithms.Tests.Tuning;

/// <summary>The output of the test algorithm: the data that accumulates.</summary>
public sealed record AccumulateOutput(Payload<LogicalDescriptor> Data) : PayloadWrapper
{
    public override IReadOnlyList<PayloadMember> Members => [new(nameof(Data), Data)];
}

/// <summary>The input: what is added (may be the output itself, an in-place request).</summary>
public sealed record AccumulateInput(Payload<LogicalDescriptor> Addend) : PayloadWrapper
{
    public override IReadOnlyList<PayloadMember> Members => [new(nameof(Addend), Addend)];
}

/// <summary>Data += Scale · Addend.</summary>
public sealed record AccumulateSettings(float Scale);

/// <summary>
/// A test algorithm built on the public contract, with an OpenCL strategy written exactly like the template (it does not
/// name its tuned kernel, so the base infers it) and a CPU strategy, to test dynamic tuning and strategy choice on a
/// kernel that reads its output.
/// </summary>
public sealed class Accumulate(IEnumerable<StrategyFactory<AccumulateOutput, AccumulateInput, AccumulateSettings>> strategies)
    : Algorithm<AccumulateOutput, AccumulateInput, AccumulateSettings>(strategies)
{
    /// <summary>WG_SIZE ∈ {16, 32, 64} × BROKEN ∈ {0, 1}: six configurations, three of them wrong.</summary>
    public static OpenClKernelDefinition Kernel { get; } = new(
        "Test.Accumulate",
        typeof(Accumulate).Assembly,
        "accumulate_test.cl",
        new TuningSpace([new TuningParameter("WG_SIZE", [16, 32, 64], 32), TuningParameter.Boolean("BROKEN")]));

    internal static StrategyFactory<AccumulateOutput, AccumulateInput, AccumulateSettings> OpenCl(OpenClDevice device, Action<OpenClAccumulate>? created = null) =>
        new(OpenClStrategies.Kernels, () =>
        {
            var strategy = new OpenClAccumulate(OpenClStrategies.Kernels, device);
            created?.Invoke(strategy);
            return strategy;
        });

    internal static StrategyFactory<AccumulateOutput, AccumulateInput, AccumulateSettings> Cpu() =>
        new(CpuStrategies.SingleThreaded, () => new CpuAccumulate());

    protected override void ValidateRequest(AccumulateOutput output, AccumulateInput input, AccumulateSettings settings, ICollection<string> problems)
    {
        if (output.Data.Physical.Type != DataType.Float32 || input.Addend.Physical.Type != DataType.Float32)
        {
            problems.Add("members 'Data' and 'Addend' must hold Float32.");
        }

        if (output.Data.Descriptor.Size != input.Addend.Descriptor.Size)
        {
            problems.Add(string.Create(CultureInfo.InvariantCulture, $"member 'Addend': Size is {input.Addend.Descriptor.Size}, expected {output.Data.Descriptor.Size}."));
        }
    }
}

/// <summary>The OpenCL strategy, following the template: Accept reads <c>Configuration ?? Default</c> and rebuilds its kernel.</summary>
internal sealed class OpenClAccumulate(string name, OpenClDevice device)
    : OpenClStrategy<AccumulateOutput, AccumulateInput, AccumulateSettings>(name, device)
{
    private OpenClKernel? kernel;
    private long groupSize;
    private float scale;

    protected override void Accept(AccumulateOutput output, AccumulateInput input, AccumulateSettings settings, List<string> reasons)
    {
        var configuration = Configuration ?? Accumulate.Kernel.Default;
        var program = Accumulate.Kernel.Build(Device, configuration);
        kernel?.Dispose();
        kernel = program.CreateKernel("accumulate");
        groupSize = configuration["WG_SIZE"];
        if (groupSize > kernel.MaxWorkGroupSize)
        {
            reasons.Add($"work-group size {groupSize} exceeds the {kernel.MaxWorkGroupSize} {Device.Name} allows for this kernel.");
            return;
        }

        scale = settings.Scale;
    }

    protected override void Run(AccumulateOutput output, AccumulateInput input)
    {
        var data = OpenClLayout.Of(output.Data.Descriptor);
        var addend = OpenClLayout.Of(input.Addend.Descriptor);
        kernel!.Set(0, Buffer(output.Data)).Set(1, data).Set(2, Buffer(input.Addend)).Set(3, addend).Set(4, scale);
        long groups = (data.X + groupSize - 1) / groupSize;
        Queue.Launch(kernel, new OpenClRange([groups * groupSize, data.Rows], [groupSize, 1]));
    }

    protected override void Dispose(bool disposing)
    {
        kernel?.Dispose();
        kernel = null;
        base.Dispose(disposing);
    }
}

/// <summary>The CPU reference (single-threaded, host payloads only).</summary>
internal sealed class CpuAccumulate : IStrategy<AccumulateOutput, AccumulateInput, AccumulateSettings>
{
    private float scale;

    public string Name => CpuStrategies.SingleThreaded;

    public IReadOnlyList<string> Init(AccumulateOutput output, AccumulateInput input, AccumulateSettings settings)
    {
        if (!output.Data.Physical.Node.IsHost || !input.Addend.Physical.Node.IsHost)
        {
            return ["members must live on the host."];
        }

        scale = settings.Scale;
        return [];
    }

    public void Execute(AccumulateOutput output, AccumulateInput input)
    {
        var data = output.Data.AsSpan<float>();
        var addend = input.Addend.AsSpan<float>();
        var d = output.Data.Descriptor;
        var a = input.Addend.Descriptor;
        for (int n = 0; n < d.Size.N; n++)
        {
            for (int z = 0; z < d.Size.Z; z++)
            {
                for (int y = 0; y < d.Size.Y; y++)
                {
                    for (int x = 0; x < d.Size.X; x++)
                    {
                        data[(int)d.Offset(x, y, z, n)] += scale * addend[(int)a.Offset(x, y, z, n)];
                    }
                }
            }
        }
    }

    public void Synchronize()
    {
    }

    public void Dispose()
    {
    }
}
