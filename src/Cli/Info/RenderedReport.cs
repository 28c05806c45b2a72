namespace Oompa.Cli.Info;

/// <summary>The rendered <c>info</c> report and the failures met while collecting it.</summary>
/// <param name="Text">Aligned plain text, one section after another.</param>
/// <param name="Errors">One message per line source that failed (also shown inline in <paramref name="Text"/>).</param>
internal sealed record RenderedReport(string Text, IReadOnlyList<string> Errors)
{
    /// <summary>Whether every source succeeded.</summary>
    public bool Success => Errors.Count == 0;
}
