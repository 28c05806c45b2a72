using System.Globalization;
using Oompa.Tuning.Choice;
using Oompa.Tuning.Groups;
using Oompa.Tuning.Store;

namespace Oompa.Cli.Tune;

/// <summary>Text forms of tuning store entries for <c>oompa tune list|show</c>.</summary>
internal static class TuneFormat
{
    private const int GroupWidth = 48;

    /// <summary>A table: one row per entry, numbered from 1, with best and default times and the speedup.</summary>
    public static string Table(IReadOnlyList<TuningStoreEntry> entries)
    {
        var rows = new List<string[]> { new[] { "#", "strategy", "device", "group", "best", "default", "speedup", "evals" } };
        for (int i = 0; i < entries.Count; i++)
        {
            var e = entries[i];
            rows.Add(
            [
                (i + 1).ToString(CultureInfo.InvariantCulture),
                e.Key.Strategy,
                DeviceName(e.Key.Device),
                Shorten(e.Key.Group, GroupWidth),
                Time(e.BestSeconds),
                e.ReferenceSeconds is { } r ? Time(r) : "-",
                Speedup(e),
                e.Evaluations.ToString(CultureInfo.InvariantCulture),
            ]);
        }

        int[] widths = [.. Enumerable.Range(0, rows[0].Length).Select(c => rows.Max(r => r[c].Length))];
        return string.Join(Environment.NewLine, rows.Select(r => string.Join("  ", r.Select((cell, c) => c is 0 or >= 4 ? cell.PadLeft(widths[c]) : cell.PadRight(widths[c]))).TrimEnd()));
    }

    /// <summary>Every field of one entry, the group one feature per line, the configuration one parameter per line.</summary>
    public static string Details(TuningStoreEntry entry)
    {
        var lines = new List<(string Label, string Value)>
        {
            ("strategy", entry.Key.Strategy),
            ("device", entry.Key.Device),
            ("source hash", entry.Key.SourceHash),
        };
        var features = GroupSignature.TryParse(entry.Key.Group)?.Features.Select(f => f.ToString()).ToList();
        AddMany(lines, "group", features is { Count: > 0 } ? features : [entry.Key.Group.Length == 0 ? "(none)" : entry.Key.Group]);
        AddMany(lines, "configuration", entry.Configuration.Count == 0 ? ["(none)"] : [.. entry.Configuration.Select(p => string.Create(CultureInfo.InvariantCulture, $"{p.Key}={p.Value}"))]);
        if (StrategyChooser.ChosenName(entry) is { } chosen)
        {
            lines.Add(("chosen strategy", chosen));
        }

        lines.Add(("best", Time(entry.BestSeconds)));
        lines.Add(("default", entry.ReferenceSeconds is { } r ? Time(r) : "not measured"));
        lines.Add(("speedup", Speedup(entry)));
        lines.Add(("evaluations", string.Create(CultureInfo.InvariantCulture, $"{entry.Evaluations} ({entry.Searcher})")));
        lines.Add(("tuned", string.Create(CultureInfo.InvariantCulture, $"{entry.Timestamp:yyyy-MM-dd HH:mm:ss zzz} by Oompa {entry.OompaVersion}")));
        int width = lines.Max(l => l.Label.Length);
        return string.Join(Environment.NewLine, lines.Select(l => $"{l.Label.PadRight(width)}  {l.Value}"));
    }

    /// <summary>The device name from an identity such as <c>opencl|vendor|name|driver|units</c> (several joined by <c> + </c>).</summary>
    public static string DeviceName(string identity) =>
        string.Join(" + ", identity.Split(" + ").Select(d => d.Split('|') is { Length: >= 3 } parts && parts[0] == "opencl" ? parts[2] : d.Split('|') is { Length: >= 2 } cpu ? cpu[1] : d));

    private static void AddMany(List<(string, string)> lines, string label, IReadOnlyList<string> values)
    {
        for (int i = 0; i < values.Count; i++)
        {
            lines.Add((i == 0 ? label : "", values[i]));
        }
    }

    private static string Time(double seconds) => seconds switch
    {
        >= 1 => string.Create(CultureInfo.InvariantCulture, $"{seconds:F3} s"),
        >= 1e-3 => string.Create(CultureInfo.InvariantCulture, $"{seconds * 1e3:F3} ms"),
        _ => string.Create(CultureInfo.InvariantCulture, $"{seconds * 1e6:F2} us"),
    };

    private static string Speedup(TuningStoreEntry e) =>
        e.ReferenceSeconds is { } r && e.BestSeconds > 0 ? string.Create(CultureInfo.InvariantCulture, $"{r / e.BestSeconds:F2}x") : "-";

    private static string Shorten(string text, int width) => text.Length <= width ? text : text[..(width - 3)] + "...";
}
