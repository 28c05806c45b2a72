using System.Globalization;
using System.Text.Json;

namespace Oompa.Benchmarks.Harness;

/// <summary>A benchmark's closing summary: aligned lines for people, then one line of JSON for machines.</summary>
internal sealed class BenchReport(string benchmark)
{
    private readonly List<(string Label, string Text)> lines = [];
    private readonly Dictionary<string, object> json = new(StringComparer.Ordinal) { ["benchmark"] = benchmark };

    /// <summary>Adds a human-readable line.</summary>
    public BenchReport Line(string label, string text)
    {
        lines.Add((label, text));
        return this;
    }

    /// <summary>Adds a JSON field (numbers are rounded to 4 significant digits, or to an integer when larger).</summary>
    public BenchReport Field(string name, object value)
    {
        json[name] = value is double d ? Math.Round(d, Math.Clamp(4 - (int)Math.Ceiling(Math.Log10(Math.Max(Math.Abs(d), 1e-9))), 0, 15)) : value;
        return this;
    }

    /// <summary>Writes the summary; the last line is the JSON object.</summary>
    public void Write(TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        int width = lines.Count == 0 ? 0 : lines.Max(l => l.Label.Length);
        writer.WriteLine();
        writer.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Oompa benchmark: {benchmark}"));
        foreach (var (label, text) in lines)
        {
            writer.WriteLine($"  {label.PadRight(width)}  {text}");
        }

        writer.WriteLine(JsonSerializer.Serialize(json));
    }
}
