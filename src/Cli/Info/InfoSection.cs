namespace Oompa.Cli.Info;

/// <summary>A titled part of the <c>info</c> report, made of line sources evaluated when the report renders.</summary>
internal sealed class InfoSection
{
    private readonly List<Func<IEnumerable<InfoLine>>> sources = [];

    /// <summary>Creates an empty section.</summary>
    public InfoSection(string title)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(title);
        Title = title;
    }

    /// <summary>The heading, for example <c>OpenCL</c>.</summary>
    public string Title { get; }

    /// <summary>The line sources, in order.</summary>
    public IReadOnlyList<Func<IEnumerable<InfoLine>>> Sources => sources;

    /// <summary>Adds a source of any number of lines; it runs when the report renders and may throw.</summary>
    public InfoSection Add(Func<IEnumerable<InfoLine>> source)
    {
        ArgumentNullException.ThrowIfNull(source);
        sources.Add(source);
        return this;
    }

    /// <summary>Adds one line whose value is computed when the report renders.</summary>
    public InfoSection Add(string label, Func<string> value)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(label);
        ArgumentNullException.ThrowIfNull(value);
        return Add(() => [new InfoLine(label, value())]);
    }
}
