namespace Oompa.Core.IO.Star;

/// <summary>A word of a STAR line: its text (without quotes) and whether it was quoted.</summary>
internal readonly record struct StarToken(string Text, bool Quoted);
