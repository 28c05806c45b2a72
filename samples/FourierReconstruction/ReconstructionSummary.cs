using System.Globalization;
using Oompa.Samples.FourierReconstruction.Pipeline;

namespace Oompa.Samples.FourierReconstruction;

/// <summary>What a finished reconstruction did.</summary>
/// <param name="OutputPath">The MRC volume written.</param>
/// <param name="Particles">Projections inserted.</param>
/// <param name="Symmetry">The point group.</param>
/// <param name="Operators">Its operators (each projection is inserted once per operator).</param>
/// <param name="ImageSize">The side of images and volume.</param>
/// <param name="PixelSize">The pixel size written to the volume, Å.</param>
/// <param name="Backend">Where the algorithms ran.</param>
/// <param name="Threads">CPU threads.</param>
/// <param name="Timings">Time per stage.</param>
/// <param name="Seconds">Wall time of the whole run, reading and writing included.</param>
/// <param name="Workers">Backend <c>auto</c>: the runtime's tasks and busy time per worker; null otherwise.</param>
public sealed record ReconstructionSummary(
    string OutputPath, int Particles, string Symmetry, int Operators, int ImageSize, double PixelSize,
    string Backend, int Threads, ReconstructionTimings Timings, double Seconds, IReadOnlyList<WorkerTasks>? Workers = null)
{
    /// <summary>One line for the console.</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"reconstructed {Particles} particles × {Operators} operators ({Symmetry}) of {ImageSize}² at {PixelSize:G4} Å/px into '{OutputPath}' " +
        $"in {Seconds:F2} s on {Backend} with {Threads} threads (insertion {Timings.Insertion.TotalSeconds:F2} s, " +
        $"{Particles / Math.Max(Timings.Insertion.TotalSeconds, 1e-9):F1} projections/s)") + WorkersText();

    private string WorkersText() =>
        Workers is null ? string.Empty : $"; tasks per worker: {string.Join(", ", Workers.Select(w => string.Create(CultureInfo.InvariantCulture, $"{w.Name} {w.Tasks}")))}";
}
