using Microsoft.Extensions.Logging;
using Oompa.Core.Algorithms;
using Oompa.Core.Data;

namespace Oompa.Algorithms.Reduction;

/// <summary>
/// Element-wise accumulation (Output.Data += Input.Data) or one statistic per signal (sum, mean, min, max) of a
/// batch. Sums accumulate in double; NaN anywhere in what is read gives NaN. See docs/reduction.md.
/// </summary>
public sealed class Reduction : Algorithm<ReductionOutput, ReductionInput, ReductionSettings>
{
    /// <summary>Creates the algorithm over the given strategies, asked in order.</summary>
    public Reduction(IEnumerable<StrategyFactory<ReductionOutput, ReductionInput, ReductionSettings>> strategies, ILogger<Reduction>? logger = null)
        : base(strategies, logger)
    {
    }

    /// <summary>Element types <see cref="ReductionOperation.PiecewiseAdd"/> accepts.</summary>
    public static IReadOnlyList<DataType> PiecewiseTypes { get; } = [DataType.Float32, DataType.Float64, DataType.Complex32];

    /// <summary>Input element types the per-signal statistics accept (results are always Float32).</summary>
    public static IReadOnlyList<DataType> StatisticTypes { get; } = [DataType.Float32, DataType.Float64];

    /// <summary>
    /// The descriptor of the written member: the input's own for <see cref="ReductionOperation.PiecewiseAdd"/> (member
    /// Data), Size 1×1×1×N without padding for the statistics (member Values).
    /// </summary>
    public static LogicalDescriptor OutputDescriptor(LogicalDescriptor input, ReductionSettings settings)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(settings);
        return settings.IsPerSignal ? new LogicalDescriptor(new Size(1, 1, 1, input.Size.N)) : input;
    }

    /// <inheritdoc />
    protected override void ValidateRequest(ReductionOutput output, ReductionInput input, ReductionSettings settings, ICollection<string> problems)
    {
        if (!Enum.IsDefined(settings.Operation))
        {
            problems.Add($"settings: Operation {(int)settings.Operation} is not a {nameof(ReductionOperation)}.");
            return;
        }

        var type = input.Data.Physical.Type;
        var accepted = settings.IsPerSignal ? StatisticTypes : PiecewiseTypes;
        if (!accepted.Contains(type))
        {
            problems.Add($"input member 'Data': Physical.Type is {type}; {settings.Operation} supports {string.Join(", ", accepted)}.");
        }

        var (written, writtenName, unused, unusedName) = settings.IsPerSignal
            ? (output.Values, nameof(ReductionOutput.Values), output.Data, nameof(ReductionOutput.Data))
            : (output.Data, nameof(ReductionOutput.Data), output.Values, nameof(ReductionOutput.Values));
        if (unused is not null)
        {
            problems.Add($"output member '{unusedName}' is present, but Operation {settings.Operation} writes '{writtenName}' only; pass null.");
        }

        if (written is null)
        {
            problems.Add($"output member '{writtenName}' is absent, but Operation {settings.Operation} writes it.");
            return;
        }

        var expectedType = settings.IsPerSignal ? DataType.Float32 : type;
        if (written.Physical.Type != expectedType)
        {
            problems.Add($"output member '{writtenName}': Physical.Type is {written.Physical.Type}, expected {expectedType}.");
        }

        var actual = written.Descriptor.Fields;
        var wanted = OutputDescriptor(input.Data.Descriptor, settings).Fields;
        for (int i = 0; i < actual.Count; i++)
        {
            if (actual[i].Value != wanted[i].Value)
            {
                problems.Add($"output member '{writtenName}': {actual[i].Key} is {actual[i].Value}, expected {wanted[i].Value} (see Reduction.OutputDescriptor).");
            }
        }
    }
}
