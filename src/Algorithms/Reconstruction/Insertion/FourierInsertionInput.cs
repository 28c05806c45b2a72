using Oompa.Core.Data;

namespace Oompa.Algorithms.Reconstruction.Insertion;

/// <summary>What <see cref="FourierInsertion"/> reads.</summary>
/// <param name="Spectra">
/// The batch of preprocessed projection spectra: Complex32, Frequency domain, Hermitian half, State with
/// <see cref="FourierState.Shifted"/> (zero frequency on row R) and without Centered or FullSpectrum; spatial size
/// (2R+1)×(2R+1)×1×N, so R+1 columns (frequency x = 0..R) and 2R+1 rows (frequency y = row − R). Any padding.
/// </param>
/// <param name="Spaces">
/// The traverse spaces to insert, in order: elements of <see cref="TraverseSpace.DataType"/>, descriptor
/// <see cref="FourierInsertion.SpacesDescriptor"/> (Size count×1×1×1, no padding). Each names its spectrum by
/// <see cref="TraverseSpace.ProjectionIndex"/>, which must lie in [0, N).
/// </param>
/// <param name="BlobTable">
/// Float32 weights, descriptor <see cref="FourierInsertion.TableDescriptor"/> (Size N×1×1×1, N ≥ 2, no padding),
/// filled by <see cref="Blob.KaiserBesselBlob.FillTable"/> for the settings' blob. Present exactly when
/// <see cref="FourierInsertionSettings.UsesTable"/>; null otherwise.
/// </param>
public sealed record FourierInsertionInput(
    Payload<FourierDescriptor> Spectra,
    Payload<LogicalDescriptor> Spaces,
    Payload<LogicalDescriptor>? BlobTable) : PayloadWrapper
{
    /// <inheritdoc />
    public override IReadOnlyList<PayloadMember> Members =>
        [new(nameof(Spectra), Spectra), new(nameof(Spaces), Spaces), new(nameof(BlobTable), BlobTable)];
}
