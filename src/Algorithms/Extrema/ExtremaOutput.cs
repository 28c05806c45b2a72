using Oompa.Core.Data;

namespace Oompa.Algorithms.Extrema;

/// <summary>Where <see cref="ExtremaFinder"/> writes; a member that <see cref="ExtremaSettings.Result"/> does not ask for must be null.</summary>
/// <param name="Values">One Float32 value per signal, descriptor <see cref="ExtremaFinder.ValuesDescriptor"/> (Size 1×1×1×N).</param>
/// <param name="Locations">One Float32 (x, y, z) triple per signal, descriptor <see cref="ExtremaFinder.LocationsDescriptor"/>
/// (Size 3×1×1×N); coordinates in the input's frame, unused axes 0.</param>
public sealed record ExtremaOutput(Payload<LogicalDescriptor>? Values, Payload<LogicalDescriptor>? Locations) : PayloadWrapper
{
    /// <inheritdoc />
    public override IReadOnlyList<PayloadMember> Members => [new(nameof(Values), Values), new(nameof(Locations), Locations)];
}
