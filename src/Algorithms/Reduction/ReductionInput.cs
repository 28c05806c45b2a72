using Oompa.Core.Data;

namespace Oompa.Algorithms.Reduction;

/// <summary>The data to reduce (read only).</summary>
/// <param name="Data">A batch of signals, padding allowed: Float32, Float64 or Complex32 for
/// <see cref="ReductionOperation.PiecewiseAdd"/>, Float32 or Float64 for the per-signal statistics.</param>
public sealed record ReductionInput(Payload<LogicalDescriptor> Data) : PayloadWrapper
{
    /// <inheritdoc />
    public override IReadOnlyList<PayloadMember> Members => [new(nameof(Data), Data)];
}
