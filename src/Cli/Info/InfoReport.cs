using System.Text;

namespace Oompa.Cli.Info;

/// <summary>
/// The <c>oompa info</c> report: an ordered list of sections, each with line sources. Another line source is added with
/// <c>report.Section("Libraries").Add("FFTW", () =&gt; ...)</c>; <see cref="InfoSources.AddDefaults"/> adds the standard ones.
/// </summary>
internal sealed class InfoReport
{
    private const int IndentWidth = 2;

    private readonly List<InfoSection> sections = [];

    /// <summary>The sections, in output order.</summary>
    public IReadOnlyList<InfoSection> Sections => sections;

    /// <summary>The section titled <paramref name="title"/>, appended when it does not exist yet.</summary>
    public InfoSection Section(string title)
    {
        var section = sections.Find(s => string.Equals(s.Title, title, StringComparison.Ordinal));
        if (section is null)
        {
            section = new InfoSection(title);
            sections.Add(section);
        }

        return section;
    }

    /// <summary>Runs every line source and lays the lines out as aligned plain text.</summary>
    /// <remarks>A source that throws becomes an <c>error</c> line in its section and an entry in <see cref="RenderedReport.Errors"/>.</remarks>
    public RenderedReport Render()
    {
        var collected = new List<(string Title, List<InfoLine> Lines)>();
        var errors = new List<string>();
        foreach (var section in sections)
        {
            var lines = new List<InfoLine>();
            foreach (var source in section.Sources)
            {
                try
                {
                    lines.AddRange(source());
                }
#pragma warning disable CA1031 // One failing source must not hide the rest of a diagnostic report; the failure is reported.
                catch (Exception e)
#pragma warning restore CA1031
                {
                    lines.Add(new InfoLine("error", e.Message));
                    errors.Add($"{section.Title}: {e.Message}");
                }
            }

            collected.Add((section.Title, lines));
        }

        int width = collected.SelectMany(s => s.Lines).Select(LabelWidth).DefaultIfEmpty(0).Max();
        var text = new StringBuilder();
        foreach (var (title, lines) in collected)
        {
            if (text.Length > 0)
            {
                text.AppendLine();
            }

            text.AppendLine(title);
            foreach (var line in lines)
            {
                string label = new string(' ', IndentWidth * (line.Indent + 1)) + line.Label;
                text.AppendLine(line.Value.Length == 0 ? label : label.PadRight(width + (2 * IndentWidth)) + line.Value);
            }
        }

        return new RenderedReport(text.ToString(), errors);
    }

    private static int LabelWidth(InfoLine line) => (IndentWidth * line.Indent) + line.Label.Length;
}
