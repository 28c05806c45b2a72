using Oompa.Core.Data;

namespace Oompa.Algorithms.Extrema;

/// <summary>The signals to search.</summary>
/// <param name="Data">A batch of N Float32 signals (1D, 2D or 3D, padding allowed).</param>
public sealed record ExtremaInput(Payload<LogicalDescriptor> Data) : PayloadWrapper
{
    /// <inheritdoc />
    public override IReadOnlyList<PayloadMember> Members => [new(nameof(Data), Data)];
}
