using Oompa.Core.Algorithms;
using Oompa.Core.Data;
using Oompa.Core.Devices;
using Oompa.Scheduler.Tests.Support;
using Oompa.Scheduler.Workers;

namespace Oompa.Scheduler.Tests.Algorithms;

/// <summary>Settings of the test algorithm: out = in × factor + offset.</summary>
public sealed record ScaleSettings(double Factor, double Offset = 0);

/// <summary>Input of the test algorithm.</summary>
public sealed record ScaleInput(Payload<LogicalDescriptor> Data) : PayloadWrapper
{
    public override IReadOnlyList<PayloadMember> Members => [new(nameof(Data), Data)];
}

/// <summary>Output of the test algorithm.</summary>
public sealed record ScaleOutput(Payload<LogicalDescriptor> Data) : PayloadWrapper
{
    public override IReadOnlyList<PayloadMember> Members => [new(nameof(Data), Data)];
}

/// <summary>A small algorithm with a CPU strategy and a fake-device strategy, built on Core's contract only.</summary>
public sealed class ScaleAlgorithm(IEnumerable<StrategyFactory<ScaleOutput, ScaleInput, ScaleSettings>> strategies)
    : Algorithm<ScaleOutput, ScaleInput, ScaleSettings>(strategies)
{
    /// <summary>The algorithm a worker should use: the CPU strategy on CPUs, the fake-device one on fake devices.</summary>
    public static ScaleAlgorithm For(IWorker worker) => worker.Device.Kind == DeviceKind.Cpu ? Cpu() : new([new("Fake.Device", () => new DeviceScale())]);

    public static ScaleAlgorithm Cpu() => new([new("Cpu.SingleThreaded", () => new CpuScale())]);

    protected override void ValidateRequest(ScaleOutput output, ScaleInput input, ScaleSettings settings, ICollection<string> problems)
    {
        if (output.Data.Physical.Type != DataType.Float64)
        {
            problems.Add($"member 'Data': Physical.Type is {output.Data.Physical.Type}; Scale supports Float64.");
        }

        if (!output.Data.Descriptor.Equals(input.Data.Descriptor))
        {
            problems.Add("member 'Data': output and input descriptors differ.");
        }
    }

    private sealed class CpuScale : IStrategy<ScaleOutput, ScaleInput, ScaleSettings>
    {
        private ScaleSettings? settings;

        public string Name => "Cpu.SingleThreaded";

        public IReadOnlyList<string> Init(ScaleOutput output, ScaleInput input, ScaleSettings settings)
        {
            if (!output.Data.Physical.Node.IsHost || !input.Data.Physical.Node.IsHost)
            {
                return ["member 'Data' is not in host memory."];
            }

            this.settings = settings;
            return [];
        }

        public void Execute(ScaleOutput output, ScaleInput input)
        {
            var o = output.Data.AsSpan<double>();
            var i = input.Data.AsSpan<double>();
            for (int k = 0; k < o.Length; k++)
            {
                o[k] = (i[k] * settings!.Factor) + settings.Offset;
            }
        }

        public void Synchronize()
        {
        }

        public void Dispose()
        {
        }
    }

    private sealed class DeviceScale : IStrategy<ScaleOutput, ScaleInput, ScaleSettings>
    {
        private ScaleSettings? settings;

        public string Name => "Fake.Device";

        public IReadOnlyList<string> Init(ScaleOutput output, ScaleInput input, ScaleSettings settings)
        {
            var reasons = new List<string>();
            if (output.Data.Physical.Node.IsHost || input.Data.Physical.Node.IsHost)
            {
                reasons.Add("member 'Data' must live in fake device memory.");
            }

            if (settings.Factor < 0)
            {
                reasons.Add($"settings: Factor is {settings.Factor}; the fake device scales by non-negative factors only.");
            }

            this.settings = settings;
            return reasons;
        }

        public void Execute(ScaleOutput output, ScaleInput input)
        {
            var o = ((FakeBuffer)output.Data.Physical.Handle!).Span<double>();
            var i = ((FakeBuffer)input.Data.Physical.Handle!).Span<double>();
            for (int k = 0; k < o.Length; k++)
            {
                o[k] = (i[k] * settings!.Factor) + settings.Offset;
            }
        }

        public void Synchronize()
        {
        }

        public void Dispose()
        {
        }
    }
}
