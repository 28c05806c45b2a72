using Oompa.Core.Data;

namespace Oompa.Algorithms.Reconstruction.Insertion;

/// <summary>
/// The accumulators <see cref="FourierInsertion"/> adds to (read-write: Execute adds, never clears; zero them once
/// before the first batch, for example with <c>Initialization</c>).
/// </summary>
/// <param name="Volume">
/// G, the weighted sum of coefficients: Complex32, descriptor <see cref="FourierInsertion.VolumeDescriptor"/> up to
/// padding (spatial size (2R+1)³, Frequency, FullSpectrum and Shifted: voxel (R, R, R) is the zero frequency).
/// </param>
/// <param name="Weights">W, the sum of weights: Float32, Size (2R+1)³×1 (<see cref="FourierInsertion.WeightsDescriptor"/>), any padding.</param>
public sealed record FourierInsertionOutput(Payload<FourierDescriptor> Volume, Payload<LogicalDescriptor> Weights) : PayloadWrapper
{
    /// <inheritdoc />
    public override IReadOnlyList<PayloadMember> Members => [new(nameof(Volume), Volume), new(nameof(Weights), Weights)];
}
