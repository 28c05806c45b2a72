using Oompa.Core.Data;

namespace Oompa.Algorithms.Correlation;

/// <summary>The correlation spectra.</summary>
/// <param name="Correlations">
/// Complex32 spectra whose descriptor is <see cref="Correlation.OutputDescriptor"/>: Data1's spatial X, Y, Z, one image
/// per pair in <see cref="CorrelationPairs"/> order; padding may differ from the inputs'. Must not overlap the inputs.
/// </param>
public sealed record CorrelationOutput(Payload<FourierDescriptor> Correlations) : PayloadWrapper
{
    /// <inheritdoc />
    public override IReadOnlyList<PayloadMember> Members => [new(nameof(Correlations), Correlations)];
}
