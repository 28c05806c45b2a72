using Oompa.Core.Data;

namespace Oompa.Algorithms.Reduction;

/// <summary>
/// Where <see cref="Reduction"/> writes: exactly one member is present. <see cref="Data"/> (read and written) for
/// <see cref="ReductionOperation.PiecewiseAdd"/>; <see cref="Values"/> (written) for the per-signal statistics.
/// </summary>
/// <param name="Data">The accumulator: same descriptor and element type as the input; updated in place.</param>
/// <param name="Values">One Float32 per signal, descriptor <see cref="Reduction.OutputDescriptor"/> (Size 1×1×1×N).</param>
public sealed record ReductionOutput(Payload<LogicalDescriptor>? Data, Payload<LogicalDescriptor>? Values) : PayloadWrapper
{
    /// <inheritdoc />
    public override IReadOnlyList<PayloadMember> Members => [new(nameof(Data), Data), new(nameof(Values), Values)];

    /// <summary>An output for <see cref="ReductionOperation.PiecewiseAdd"/> accumulating into <paramref name="data"/>.</summary>
    public static ReductionOutput Accumulate(Payload<LogicalDescriptor> data) => new(data, null);

    /// <summary>An output for a per-signal statistic written into <paramref name="values"/>.</summary>
    public static ReductionOutput PerSignal(Payload<LogicalDescriptor> values) => new(null, values);
}
