using Oompa.Algorithms.Reconstruction.Insertion;
using Oompa.Core.Data;

namespace Oompa.Samples.FourierReconstruction.Pipeline;

/// <summary>
/// Where the reconstruction accumulates the Fourier volume G and the weights W, per backend: in host or device
/// payloads inserted into directly (<see cref="DirectAccumulator"/>, backends <c>cpu</c> and <c>opencl</c>), or through
/// the task runtime with per-worker partial volumes (<see cref="ScheduledAccumulator"/>, backend <c>auto</c>).
/// </summary>
internal abstract class VolumeAccumulator : IDisposable
{
    /// <summary>Where the caller writes the traverse spaces of the next batch (at most the capacity given at creation).</summary>
    public abstract Span<TraverseSpace> Spaces(int count);

    /// <summary>Inserts the first <paramref name="count"/> spaces written to <see cref="Spaces"/> with <paramref name="spectra"/> (host).</summary>
    public abstract void Insert(Payload<FourierDescriptor> spectra, int count);

    /// <summary>Waits for every insertion enqueued so far (and, where partial volumes are reduced, for the reduction).</summary>
    public abstract void Drain();

    /// <summary>Waits for every insertion and returns G and W in host payloads (valid until the accumulator is disposed).</summary>
    public abstract (Payload<FourierDescriptor> Volume, Payload<LogicalDescriptor> Weights) Gather();

    /// <inheritdoc />
    public void Dispose()
    {
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    /// <summary>Releases the payloads.</summary>
    protected abstract void Dispose(bool disposing);
}
