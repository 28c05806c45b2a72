using System.Globalization;
using Oompa.Samples.FourierReconstruction;

namespace Oompa.Cli.Reconstruct;

/// <summary>
/// Reconstruction progress as plain lines on stderr: one line when a stage starts and one at every tenth of the
/// insertion, so the output stays readable in a log. Thread-safe.
/// </summary>
internal sealed class ReconstructionProgressWriter(TextWriter writer, string prefix) : IProgress<ReconstructionProgress>
{
    private readonly Lock gate = new();
    private string? stage;
    private int lastTenth = -1;

    /// <inheritdoc />
    public void Report(ReconstructionProgress value)
    {
        lock (gate)
        {
            if (value.Stage != stage)
            {
                stage = value.Stage;
                lastTenth = -1;
            }

            int tenth = value.Total <= 0 ? 10 : 10 * value.Done / value.Total;
            if (tenth == lastTenth || (value.Stage != "insert" && value.Done != 0))
            {
                return;
            }

            lastTenth = tenth;
            string line = value.Stage switch
            {
                "insert" => string.Create(CultureInfo.InvariantCulture, $"inserting particles {100 * value.Done / Math.Max(value.Total, 1),3}% ({value.Done}/{value.Total})"),
                "read" => "reading and checking the particles STAR file and its stacks",
                "finish" => "folding, dividing by the weights, inverse FFT and gridding correction",
                "write" => "writing the volume",
                _ => value.Stage,
            };
            writer.WriteLine($"{prefix}: {line}");
        }
    }
}
