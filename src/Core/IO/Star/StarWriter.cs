using System.Globalization;

namespace Oompa.Core.IO.Star;

/// <summary>Writes STAR text as RELION 3.1 does: a version comment and a blank line around every block header, loop
/// columns numbered <c>#1</c>, <c>#2</c>, …, and values aligned in columns (numbers right-aligned).</summary>
internal static class StarWriter
{
    private static readonly string[] Reserved = ["data_", "loop_", "save_", "global_", "stop_"];

    public static void Write(StarFile file, TextWriter writer)
    {
        if (file.Blocks.Count == 0 && file.Version is { } onlyVersion)
        {
            writer.Write(string.Create(CultureInfo.InvariantCulture, $"# version {onlyVersion}\n"));
        }

        foreach (var block in file.Blocks)
        {
            writer.Write('\n');
            if (file.Version is { } version)
            {
                writer.Write(string.Create(CultureInfo.InvariantCulture, $"# version {version}\n\n"));
            }

            writer.Write($"data_{block.Name}\n\n");
            if (block.IsLoop)
            {
                WriteLoop(block, writer);
            }
            else
            {
                WriteList(block, writer);
            }

            writer.Write('\n');
        }
    }

    private static void WriteLoop(StarBlock block, TextWriter writer)
    {
        if (block.Columns.Count == 0)
        {
            throw new InvalidOperationException($"The loop of block 'data_{block.Name}' has no columns; STAR cannot express an empty loop header.");
        }

        writer.Write("loop_ \n");
        for (int c = 0; c < block.Columns.Count; c++)
        {
            writer.Write(string.Create(CultureInfo.InvariantCulture, $"_{block.Columns[c]} #{c + 1} \n"));
        }

        var cells = new string[block.RowCount][];
        var widths = new int[block.Columns.Count];
        for (int r = 0; r < block.RowCount; r++)
        {
            var row = block.Row(r);
            cells[r] = new string[row.Count];
            for (int c = 0; c < row.Count; c++)
            {
                cells[r][c] = Format(row[c], block, c, r);
                widths[c] = Math.Max(widths[c], cells[r][c].Length);
            }
        }

        foreach (var row in cells)
        {
            for (int c = 0; c < row.Length; c++)
            {
                string cell = row[c];
                bool number = double.TryParse(cell, NumberStyles.Float, CultureInfo.InvariantCulture, out _);
                writer.Write(number ? cell.PadLeft(widths[c]) : cell.PadRight(widths[c]));
                writer.Write(c + 1 < row.Length ? "  " : " ");
            }

            writer.Write('\n');
        }
    }

    private static void WriteList(StarBlock block, TextWriter writer)
    {
        int keyWidth = block.Columns.Count == 0 ? 0 : block.Columns.Max(k => k.Length) + 1;
        for (int c = 0; c < block.Columns.Count; c++)
        {
            string key = "_" + block.Columns[c];
            writer.Write(key.PadRight(keyWidth));
            writer.Write("    ");
            writer.Write(Format(block.Row(0)[c], block, c, 0));
            writer.Write('\n');
        }
    }

    /// <summary>The value as a STAR word: bare when it reads back unchanged, otherwise quoted.</summary>
    private static string Format(string value, StarBlock block, int column, int row)
    {
        if (value.Contains('\n', StringComparison.Ordinal) || value.Contains('\r', StringComparison.Ordinal))
        {
            throw Unwritable(block, column, row, "it contains a line break");
        }

        if (!NeedsQuotes(value))
        {
            return value;
        }

        if (StarTokenizer.CanQuoteWith(value, '"'))
        {
            return $"\"{value}\"";
        }

        if (StarTokenizer.CanQuoteWith(value, '\''))
        {
            return $"'{value}'";
        }

        throw Unwritable(block, column, row, "it has both a double and a single quote followed by white space");
    }

    private static bool NeedsQuotes(string value) =>
        value.Length == 0
        || value.Any(char.IsWhiteSpace)
        || value[0] is '_' or '#' or '\'' or '"' or ';' or '$' or '[' or ']'
        || Reserved.Any(r => value.StartsWith(r, StringComparison.OrdinalIgnoreCase));

    private static InvalidOperationException Unwritable(StarBlock block, int column, int row, string why) =>
        new(string.Create(CultureInfo.InvariantCulture,
            $"Block 'data_{block.Name}', {(block.IsLoop ? "column" : "key")} '_{block.Columns[column]}'{(block.IsLoop ? $", row {row}" : "")}: the value cannot be written in STAR because {why}."));
}
