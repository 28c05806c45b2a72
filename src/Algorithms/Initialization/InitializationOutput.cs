using Oompa.Core.Data;

namespace Oompa.Algorithms.Initialization;

/// <summary>The payload to fill.</summary>
/// <param name="Data">Host or device data of element type Float32, Float64 or Complex32.</param>
public sealed record InitializationOutput(Payload<LogicalDescriptor> Data) : PayloadWrapper
{
    /// <inheritdoc />
    public override IReadOnlyList<PayloadMember> Members => [new(nameof(Data), Data)];
}
