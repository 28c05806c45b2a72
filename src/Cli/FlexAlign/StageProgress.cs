using System.Globalization;
using Oompa.Samples.FlexAlign;

namespace Oompa.Cli.FlexAlign;

/// <summary>
/// Progress as plain lines on a text writer (stderr): one line when a stage starts and one at every quarter of it, so
/// the output stays readable in a log or a pipe. Thread-safe and synchronous (lines appear in order).
/// </summary>
internal sealed class StageProgress(TextWriter writer, string prefix) : IProgress<FlexAlignProgress>
{
    private readonly Lock gate = new();
    private string? stage;
    private int lastQuarter = -1;

    /// <inheritdoc />
    public void Report(FlexAlignProgress value)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (value.Total == 1 && value.Done == 0)
        {
            return; // A one-step stage (the solve) only reports its end.
        }

        lock (gate)
        {
            if (value.Stage != stage)
            {
                stage = value.Stage;
                lastQuarter = -1;
            }

            int quarter = value.Total <= 0 ? 4 : (int)(4 * value.Done / value.Total);
            if (quarter == lastQuarter)
            {
                return;
            }

            lastQuarter = quarter;
            string unit = value.Stage == "correlation" ? "pairs" : value.Stage == "write" ? "files" : "frames";
            int percent = value.Total <= 0 ? 100 : (int)(100 * value.Done / value.Total);
            writer.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{prefix}: {Describe(value.Stage)} {percent,3}% ({value.Done}/{value.Total} {unit})"));
        }
    }

    private static string Describe(string stage) => stage switch
    {
        "spectra" => "reading, filtering and cropping frames",
        "correlation" => "correlating frame pairs",
        "solve" => "solving for the shifts",
        "sum" => "summing aligned frames",
        "write" => "writing outputs",
        _ => stage,
    };
}
