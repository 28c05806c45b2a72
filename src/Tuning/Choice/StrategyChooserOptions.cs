using Oompa.Core.Devices;

namespace Oompa.Tuning.Choice;

/// <summary>How <see cref="StrategyChooser.Choose"/> times strategies.</summary>
public sealed record StrategyChooserOptions
{
    /// <summary>The devices the strategies run on; their identities key the stored choice. The host CPU by default.</summary>
    public IReadOnlyList<IDevice> Devices { get; init; } = [CpuDevice.Default];

    /// <summary>Timed executions per strategy after one untimed warm-up; the median counts. 3 by default.</summary>
    public int Repetitions { get; init; } = 3;
}
