using System.Text;

namespace Oompa.Core.IO.Star;

/// <summary>
/// A STAR file in the RELION 3.1 style: <c>data_</c> blocks, each either one <c>loop_</c> table or a list of
/// <c>_key value</c> pairs; <c>#</c> comments; quoted values with spaces; <c># version 30001</c> lines. Reading is
/// strict about structure (one loop row per line, matching value counts) and reports problems with the file name and line
/// number as <see cref="InvalidDataException"/>. Writing is atomic (temporary file and rename).
/// </summary>
public sealed class StarFile
{
    private readonly List<StarBlock> blocks = [];

    /// <summary>Creates an empty file (version 30001, as RELION 3.1 writes).</summary>
    public StarFile()
    {
    }

    internal StarFile(string source) => Source = source;

    /// <summary>The number written as <c># version N</c> before each block; null writes no version line. Parsed files
    /// carry the first version line they had, or null.</summary>
    public int? Version { get; set; } = 30001;

    /// <summary>The file or name the content was parsed from; null for files built in code.</summary>
    public string? Source { get; }

    /// <summary>The blocks in file order.</summary>
    public IReadOnlyList<StarBlock> Blocks => blocks;

    /// <summary>Appends a block and returns it.</summary>
    public StarBlock Add(StarBlock block)
    {
        ArgumentNullException.ThrowIfNull(block);
        blocks.Add(block);
        return block;
    }

    /// <summary>The first block with the name (with or without the <c>data_</c> prefix).</summary>
    /// <exception cref="InvalidDataException">There is no such block; the message lists the blocks there are.</exception>
    public StarBlock Block(string name) => TryGetBlock(name, out var block)
        ? block
        : throw new InvalidDataException($"STAR file '{Source ?? "(in memory)"}' has no block 'data_{Strip(name)}' (blocks: {(blocks.Count == 0 ? "none" : string.Join(", ", blocks.Select(b => $"data_{b.Name}")))}).");

    /// <summary>Finds the first block with the name (with or without the <c>data_</c> prefix).</summary>
    public bool TryGetBlock(string name, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out StarBlock? block)
    {
        string bare = Strip(name);
        block = blocks.Find(b => b.Name == bare);
        return block is not null;
    }

    /// <summary>Reads and parses a file.</summary>
    /// <exception cref="InvalidDataException">The content is malformed; the message names the file and line.</exception>
    public static StarFile Read(string path)
    {
        using var reader = new StreamReader(path, Encoding.UTF8);
        return StarParser.Parse(reader, path);
    }

    /// <summary>Parses STAR text; <paramref name="source"/> names it in messages.</summary>
    /// <exception cref="InvalidDataException">The content is malformed.</exception>
    public static StarFile Parse(string text, string source = "(text)")
    {
        ArgumentNullException.ThrowIfNull(text);
        using var reader = new StringReader(text);
        return StarParser.Parse(reader, source);
    }

    /// <summary>Parses STAR text from a reader; <paramref name="source"/> names it in messages.</summary>
    /// <exception cref="InvalidDataException">The content is malformed.</exception>
    public static StarFile Parse(TextReader reader, string source)
    {
        ArgumentNullException.ThrowIfNull(reader);
        return StarParser.Parse(reader, source);
    }

    /// <summary>Writes the file atomically: to a temporary file in the same directory, then renamed over <paramref name="path"/>.</summary>
    /// <exception cref="InvalidOperationException">A value cannot be represented in STAR (a line break, or both quote
    /// characters followed by white space); nothing is left on disk.</exception>
    public void Write(string path)
    {
        using var file = new AtomicFileWriter(path);
        using (var writer = new StreamWriter(file.Stream, new UTF8Encoding(false), 1 << 16, leaveOpen: true))
        {
            WriteTo(writer);
        }

        file.Commit();
    }

    /// <summary>Writes the STAR text to a writer.</summary>
    public void WriteTo(TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        StarWriter.Write(this, writer);
    }

    /// <summary>The STAR text.</summary>
    public string ToText()
    {
        using var writer = new StringWriter();
        WriteTo(writer);
        return writer.ToString();
    }

    /// <summary>Replaces a block (the parser turns a list block into a loop when <c>loop_</c> follows).</summary>
    internal StarBlock Replace(StarBlock old, StarBlock replacement)
    {
        blocks[blocks.IndexOf(old)] = replacement;
        return replacement;
    }

    private static string Strip(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return name.StartsWith("data_", StringComparison.Ordinal) ? name[5..] : name;
    }
}
