using Oompa.Core.Data;

namespace Oompa.Algorithms.FourierProcessing;

/// <summary>The spectra to process and, when <see cref="FourierProcessingSettings.ApplyFilter"/> is set, the filter.</summary>
/// <param name="Data">Complex32 Hermitian-half spectra (frequency domain, not FullSpectrum), batched.</param>
/// <param name="Filter">
/// Float32 filter with <see cref="LogicalDescriptor.Size"/> equal to the output's frequency size and N = 1 (one filter
/// for every image), in unshifted order; null when no filter is applied. Padding is honoured.
/// </param>
public sealed record FourierProcessingInput(Payload<FourierDescriptor> Data, Payload<LogicalDescriptor>? Filter = null) : PayloadWrapper
{
    /// <inheritdoc />
    public override IReadOnlyList<PayloadMember> Members => [new(nameof(Data), Data), new(nameof(Filter), Filter)];
}
