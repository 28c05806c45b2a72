using Oompa.Core.Data;

namespace Oompa.Algorithms.FourierProcessing;

/// <summary>The processed spectra.</summary>
/// <param name="Data">
/// Complex32 Hermitian-half spectra whose descriptor is <see cref="FourierProcessing.OutputDescriptor(FourierDescriptor, Size, FourierProcessingSettings, Padding, Padding)"/> of the input
/// (spatial size at most the input's per axis, state updated); padding may differ from the input's. May be the input's
/// own payload (in place) when nothing is cropped or shifted.
/// </param>
public sealed record FourierProcessingOutput(Payload<FourierDescriptor> Data) : PayloadWrapper
{
    /// <inheritdoc />
    public override IReadOnlyList<PayloadMember> Members => [new(nameof(Data), Data)];
}
