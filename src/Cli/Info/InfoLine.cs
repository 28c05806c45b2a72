namespace Oompa.Cli.Info;

/// <summary>One line of the <c>info</c> report: a label, its value, and an indent level for nested items.</summary>
/// <param name="Label">What the value is, for example <c>CPU</c>.</param>
/// <param name="Value">The value; may be empty for a heading such as a device name.</param>
/// <param name="Indent">Nesting below the section, 0 for top-level lines.</param>
internal sealed record InfoLine(string Label, string Value, int Indent = 0);
