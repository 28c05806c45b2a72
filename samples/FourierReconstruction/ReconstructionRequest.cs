using Oompa.Algorithms.Reconstruction.Insertion;

namespace Oompa.Samples.FourierReconstruction;

/// <summary>What <see cref="ReconstructionJob"/> reconstructs, from where, to where.</summary>
public sealed record ReconstructionRequest
{
    /// <summary>The RELION particles STAR file.</summary>
    public required string ParticlesPath { get; init; }

    /// <summary>The MRC volume to write (replaced atomically; nothing is written when the run fails).</summary>
    public required string OutputPath { get; init; }

    /// <summary>The point group (C1, Cn, ...; see <c>SymmetryGroup.Parse</c>).</summary>
    public string Symmetry { get; init; } = "C1";

    /// <summary>The padding factor.</summary>
    public double Padding { get; init; } = 2;

    /// <summary>The highest frequency kept, cycles per pixel, (0, 0.5].</summary>
    public double MaxResolution { get; init; } = 0.5;

    /// <summary>Blob and mode.</summary>
    public FourierInsertionSettings Insertion { get; init; } = FourierInsertionSettings.Default;

    /// <summary>CPU threads; null for all cores.</summary>
    public int? Threads { get; init; }

    /// <summary>The backend: <c>cpu</c>, <c>opencl</c> (the first OpenCL device first, CPU for what it declines) or <c>auto</c> (every CPU and OpenCL worker through the task runtime).</summary>
    public string Backend { get; init; } = "cpu";

    /// <summary>Projections per batch.</summary>
    public int BatchSize { get; init; } = 32;
}
