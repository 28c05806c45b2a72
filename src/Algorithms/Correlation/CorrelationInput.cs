using Oompa.Core.Data;

namespace Oompa.Algorithms.Correlation;

/// <summary>The spectra to correlate.</summary>
/// <param name="Data1">
/// Complex32 spectra in the frequency domain (Hermitian half or full), 1D, 2D or 3D, batched; not Centered.
/// </param>
/// <param name="Data2">
/// For <see cref="CorrelationMode.AllPairs"/>: the second batch, with the same spatial X, Y, Z and state as
/// <paramref name="Data1"/> (the Normalized flag may differ); it may be the same payload as Data1. For
/// <see cref="CorrelationMode.WithinBatch"/>: null.
/// </param>
public sealed record CorrelationInput(Payload<FourierDescriptor> Data1, Payload<FourierDescriptor>? Data2 = null) : PayloadWrapper
{
    /// <inheritdoc />
    public override IReadOnlyList<PayloadMember> Members => [new(nameof(Data1), Data1), new(nameof(Data2), Data2)];
}
