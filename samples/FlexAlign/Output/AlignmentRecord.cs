using Oompa.Samples.FlexAlign.Global;
using Oompa.Samples.FlexAlign.LocalAlignment;
using Oompa.Samples.FlexAlign.Movie;

namespace Oompa.Samples.FlexAlign.Output;

/// <summary>
/// Everything the output writers need about one aligned movie: where it came from, its size, the settings used, the
/// drift of every frame, the aligned sum and how long the stages took. Build it with <see cref="From"/> after an
/// alignment, or directly (tests feed known drifts).
/// </summary>
public sealed record AlignmentRecord
{
    /// <summary>The movie's path (its file name, without extension, names the outputs).</summary>
    public required string MoviePath { get; init; }

    /// <summary>Frame width in pixels.</summary>
    public required int Width { get; init; }

    /// <summary>Frame height in pixels.</summary>
    public required int Height { get; init; }

    /// <summary>The alignment settings (including the pixel size in Å).</summary>
    public required GlobalAlignmentSettings Settings { get; init; }

    /// <summary>Drift of every frame in pixels (the scene in frame t is moved by it); one entry per frame.</summary>
    public required IReadOnlyList<FrameShift> Drifts { get; init; }

    /// <summary>The aligned sum, Width × Height, X fastest.</summary>
    public required ReadOnlyMemory<float> AlignedSum { get; init; }

    /// <summary>Frame pairs measured (of the last pass).</summary>
    public int MeasuredPairs { get; init; }

    /// <summary>Pair equations rejected as outliers by the least-squares solve.</summary>
    public int RejectedPairs { get; init; }

    /// <summary>RMS residual of the kept equations, in pixels.</summary>
    public double ResidualRms { get; init; }

    /// <summary>The gain reference's path, or null.</summary>
    public string? GainPath { get; init; }

    /// <summary>The dark reference's path, or null.</summary>
    public string? DarkPath { get; init; }

    /// <summary>Rotation and flip applied to the references.</summary>
    public GainTransform GainTransform { get; init; } = GainTransform.None;

    /// <summary>The backend the alignment ran on: "cpu", "opencl" or "auto".</summary>
    public string Backend { get; init; } = "cpu";

    /// <summary>The workers (auto) or devices the algorithms ran on, for example "cpu0 (1 cores)".</summary>
    public IReadOnlyList<string> Workers { get; init; } = [];

    /// <summary>Threads used.</summary>
    public int Threads { get; init; } = 1;

    /// <summary>Seconds per stage (e.g. "align", "sum"), in the order they ran.</summary>
    public IReadOnlyList<KeyValuePair<string, double>> Timings { get; init; } = [];

    /// <summary>
    /// The local-motion fit when local alignment ran (null otherwise). Its model holds the correction left after the
    /// global shifts: total correction of pixel (x, y) in frame t = corrective shift of t + model shift at (x, y, t).
    /// </summary>
    public LocalAlignmentResult? Local { get; init; }

    /// <summary>Number of frames.</summary>
    public int Frames => Drifts.Count;

    /// <summary>The movie's file name without directory and extension.</summary>
    public string BaseName => Path.GetFileNameWithoutExtension(MoviePath);

    /// <summary>
    /// RELION's shifts: the shift that corrects each frame relative to the first, <c>−(drift[t] − drift[0])</c>, so
    /// frame 1 is exactly (0, 0).
    /// </summary>
    public IReadOnlyList<FrameShift> CorrectiveShifts => [.. Drifts.Select(d => -(d - Drifts[0]))];

    /// <summary>The largest drift relative to the first frame, in pixels.</summary>
    public double MaxDrift => Drifts.Count == 0 ? 0 : Drifts.Max(d => (d - Drifts[0]).Length);

    /// <summary>A record of an alignment result (which must hold the aligned sum).</summary>
    /// <exception cref="ArgumentException">The result holds no aligned sum.</exception>
    public static AlignmentRecord From(string moviePath, int width, int height, GlobalAlignmentSettings settings, GlobalAlignmentResult result, float[]? alignedSum = null)
    {
        ArgumentNullException.ThrowIfNull(result);
        var sum = alignedSum ?? result.GetAlignedSum() ?? throw new ArgumentException("No aligned sum: pass one, or align with computeSum: true.", nameof(result));
        return new AlignmentRecord
        {
            MoviePath = moviePath,
            Width = width,
            Height = height,
            Settings = settings,
            Drifts = result.Drifts,
            AlignedSum = sum,
            MeasuredPairs = result.Pairs.Count,
            RejectedPairs = result.Solution.Rejected.Count,
            ResidualRms = result.Solution.ResidualRms,
        };
    }
}
