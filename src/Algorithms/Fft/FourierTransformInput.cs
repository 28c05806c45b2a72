using Oompa.Core.Data;

namespace Oompa.Algorithms.Fft;

/// <summary>The data to transform.</summary>
/// <param name="Data">Forward: spatial Float32 (real-to-complex) or spatial Complex32 with
/// <see cref="FourierState.FullSpectrum"/> (complex-to-complex). Inverse: frequency Complex32, a Hermitian half or a
/// full spectrum.</param>
public sealed record FourierTransformInput(Payload<FourierDescriptor> Data) : PayloadWrapper
{
    /// <inheritdoc />
    public override IReadOnlyList<PayloadMember> Members => [new(nameof(Data), Data)];
}
