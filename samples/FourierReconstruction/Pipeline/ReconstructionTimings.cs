namespace Oompa.Samples.FourierReconstruction.Pipeline;

/// <summary>Wall time per stage of a reconstruction, accumulated over batches (mutable; read it when done).</summary>
public sealed class ReconstructionTimings
{
    /// <summary>Padding, FFT, crop and shift of the projections.</summary>
    public TimeSpan Preprocessing { get; internal set; }

    /// <summary>Traverse-space computation on the host.</summary>
    public TimeSpan Spaces { get; internal set; }

    /// <summary>Insertion into the Fourier volume.</summary>
    public TimeSpan Insertion { get; internal set; }

    /// <summary>
    /// Bringing G and W to the host for finalisation, once per reconstruction after every insertion has finished (backend
    /// <c>opencl</c>: reading the device buffers back; zero where they live on the host). It grows with the volume, not
    /// with the projections, so it is kept apart from <see cref="Insertion"/>.
    /// </summary>
    public TimeSpan Readback { get; internal set; }

    /// <summary>Folding, division, inverse FFT, windowing and gridding correction.</summary>
    public TimeSpan Finalization { get; internal set; }

    /// <summary>The sum of the stages.</summary>
    public TimeSpan Total => Preprocessing + Spaces + Insertion + Readback + Finalization;
}
