using Oompa.Samples.FlexAlign.Movie;

namespace Oompa.Cli.FlexAlign;

/// <summary>What <c>oompa flexalign</c> (and <c>oompa demo</c>) is asked to do.</summary>
internal sealed record FlexAlignRequest
{
    /// <summary>The movie (MRC, every section a frame).</summary>
    public required string MoviePath { get; init; }

    /// <summary>The folder the outputs go to.</summary>
    public required string OutputDirectory { get; init; }

    /// <summary>Gain reference (MRC), or null.</summary>
    public string? GainPath { get; init; }

    /// <summary>Dark reference (MRC), or null.</summary>
    public string? DarkPath { get; init; }

    /// <summary>Rotation and flip of the references.</summary>
    public GainTransform GainTransform { get; init; } = GainTransform.None;

    /// <summary>Pixel size in Å; null takes it from the MRC header (1 when the header has none).</summary>
    public double? PixelSize { get; init; }

    /// <summary>Finest resolution used for correlation, in Å.</summary>
    public double MaxResolution { get; init; } = 30;

    /// <summary>Largest shift between two frames, in Å.</summary>
    public double MaxShift { get; init; } = 50;

    /// <summary>Patches along X and Y for local alignment; null aligns globally only.</summary>
    public (int X, int Y)? Patches { get; init; }

    /// <summary>Side of a local-alignment patch in Å.</summary>
    public double PatchSize { get; init; } = 500;

    /// <summary>Threads; null uses every core.</summary>
    public int? Threads { get; init; }

    /// <summary>
    /// The compute backend: <c>cpu</c>, <c>opencl</c> (OpenCL strategies first, CPU for what they decline) or <c>auto</c>
    /// (the task scheduler with every worker), see <see cref="FlexAlignBackend"/>.
    /// </summary>
    public string Backend { get; init; } = "cpu";
}
