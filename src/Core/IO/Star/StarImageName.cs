using System.Globalization;

namespace Oompa.Core.IO.Star;

/// <summary>
/// An image reference as RELION writes it in <c>_rlnImageName</c>: <c>index@path</c> with a 1-based index into a stack
/// (<c>000042@Particles/mic1.mrcs</c>), or a bare path for a whole file (<see cref="Index"/> 0).
/// </summary>
/// <param name="Index">1-based section index in the stack at <paramref name="Path"/>; 0 for a whole file.</param>
/// <param name="Path">The stack or image file, as written (usually relative to the project directory).</param>
public readonly record struct StarImageName(int Index, string Path)
{
    /// <summary>Whether the name selects one image of a stack.</summary>
    public bool HasIndex => Index > 0;

    /// <summary>The 0-based section of the image in its stack (for <c>MrcFile.ReadSections</c>); 0 for a whole file.</summary>
    public int Section => HasIndex ? Index - 1 : 0;

    /// <summary>Parses <c>index@path</c> or a bare path.</summary>
    /// <exception cref="FormatException">The index is not a positive integer or the path is empty.</exception>
    public static StarImageName Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return TryParse(text, out var name, out string? problem)
            ? name
            : throw new FormatException($"'{text}' is not an image name of the form index@path: {problem}.");
    }

    /// <summary>Parses <c>index@path</c> or a bare path; false when the text is not one.</summary>
    public static bool TryParse(string? text, out StarImageName name) => TryParse(text, out name, out _);

    /// <summary>Formats as RELION does: a six-digit index (<c>000042@path</c>), or the bare path.</summary>
    public override string ToString() =>
        HasIndex ? string.Create(CultureInfo.InvariantCulture, $"{Index:D6}@{Path}") : Path;

    private static bool TryParse(string? text, out StarImageName name, out string? problem)
    {
        name = default;
        if (string.IsNullOrWhiteSpace(text))
        {
            problem = "it is empty";
            return false;
        }

        int at = text.IndexOf('@', StringComparison.Ordinal);
        if (at < 0)
        {
            name = new StarImageName(0, text);
            problem = null;
            return true;
        }

        string path = text[(at + 1)..];
        if (!int.TryParse(text.AsSpan(0, at), NumberStyles.None, CultureInfo.InvariantCulture, out int index) || index < 1)
        {
            problem = "the index before '@' must be a positive integer (indices are 1-based)";
            return false;
        }

        if (path.Length == 0)
        {
            problem = "the path after '@' is empty";
            return false;
        }

        name = new StarImageName(index, path);
        problem = null;
        return true;
    }
}
