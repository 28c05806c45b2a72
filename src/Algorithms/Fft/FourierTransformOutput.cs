using Oompa.Core.Data;

namespace Oompa.Algorithms.Fft;

/// <summary>Where the transform goes. Pass the input's buffer (same pointer) for an in-place transform.</summary>
/// <param name="Data">A payload whose descriptor equals <see cref="FourierTransform.OutputDescriptor"/> of the input
/// up to padding, which may be chosen freely (an in-place real transform needs
/// <see cref="FourierDescriptor.ForInPlace"/>).</param>
public sealed record FourierTransformOutput(Payload<FourierDescriptor> Data) : PayloadWrapper
{
    /// <inheritdoc />
    public override IReadOnlyList<PayloadMember> Members => [new(nameof(Data), Data)];
}
