using System.Globalization;

namespace Oompa.Core.IO.Star;

/// <summary>
/// One <c>data_</c> block of a STAR file, in RELION's model: either a loop (a table with named columns and any number
/// of rows) or a list of key–value pairs, which is treated as a table with one row whose columns are the keys. Column
/// names are given with or without the leading underscore (<c>rlnImageName</c> or <c>_rlnImageName</c>). Values are kept
/// as text; the typed getters parse them and throw <see cref="InvalidDataException"/> naming the file, block, column,
/// row and line when a column is missing or a value does not parse.
/// </summary>
public sealed partial class StarBlock
{
    private readonly List<string> columns = [];
    private readonly Dictionary<string, int> columnIndex = new(StringComparer.Ordinal);
    private readonly List<string[]> rows = [];
    private readonly List<int> rowLines = [];
    private readonly Dictionary<int, int> keyLines = [];

    private StarBlock(string name, bool isLoop)
    {
        ArgumentNullException.ThrowIfNull(name);
        Name = name.StartsWith("data_", StringComparison.Ordinal) ? name[5..] : name;
        if (Name.Any(char.IsWhiteSpace))
        {
            throw new ArgumentException($"A block name cannot contain white space: '{name}'.", nameof(name));
        }

        IsLoop = isLoop;
    }

    /// <summary>Creates an empty loop block with the given columns.</summary>
    /// <param name="name">Block name without or with the <c>data_</c> prefix (may be empty, as RELION 3.0 writes).</param>
    /// <param name="columns">Column names, with or without the leading underscore.</param>
    public static StarBlock CreateLoop(string name, params string[] columns)
    {
        ArgumentNullException.ThrowIfNull(columns);
        var block = new StarBlock(name, isLoop: true);
        foreach (string column in columns)
        {
            block.AddColumn(column);
        }

        return block;
    }

    /// <summary>Creates an empty key–value block.</summary>
    /// <param name="name">Block name without or with the <c>data_</c> prefix.</param>
    public static StarBlock CreateList(string name) => new(name, isLoop: false);

    /// <summary>The block name without the <c>data_</c> prefix.</summary>
    public string Name { get; }

    /// <summary>True for a loop (table), false for key–value pairs.</summary>
    public bool IsLoop { get; }

    /// <summary>The file the block was read from (for messages); null for blocks built in code.</summary>
    public string? Source { get; internal set; }

    /// <summary>Column names (keys of a list block) without the leading underscore, in file order.</summary>
    public IReadOnlyList<string> Columns => columns;

    /// <summary>Rows of a loop; 1 for a list block with at least one key, 0 for an empty list block.</summary>
    public int RowCount => rows.Count;

    /// <summary>Whether the block has the column (or key).</summary>
    public bool HasColumn(string column) => columnIndex.ContainsKey(Normalize(column));

    /// <summary>Index of the column (or key), or −1.</summary>
    public int ColumnIndex(string column) => columnIndex.TryGetValue(Normalize(column), out int i) ? i : -1;

    /// <summary>Adds a column; existing rows get <paramref name="fill"/> in it.</summary>
    /// <exception cref="ArgumentException">The column exists already or its name is not a single word.</exception>
    public void AddColumn(string column, string fill = "")
    {
        string name = Normalize(column);
        if (name.Length == 0 || name.Any(char.IsWhiteSpace))
        {
            throw new ArgumentException($"'{column}' is not a valid column name: it must be a non-empty word.", nameof(column));
        }

        if (!columnIndex.TryAdd(name, columns.Count))
        {
            throw new ArgumentException($"Block {Describe()} already has a column '_{name}'.", nameof(column));
        }

        columns.Add(name);
        for (int r = 0; r < rows.Count; r++)
        {
            var grown = new string[columns.Count];
            rows[r].CopyTo(grown, 0);
            grown[^1] = fill;
            rows[r] = grown;
        }
    }

    /// <summary>Appends a row to a loop; returns its index.</summary>
    /// <exception cref="InvalidOperationException">The block is a list.</exception>
    /// <exception cref="ArgumentException">The number of values differs from the number of columns.</exception>
    public int AddRow(params string[] values)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (!IsLoop)
        {
            throw new InvalidOperationException($"Block {Describe()} holds key-value pairs; set values with Set(key, value).");
        }

        if (values.Length != columns.Count)
        {
            throw new ArgumentException($"Block {Describe()} has {columns.Count} columns; the row has {values.Length} values.", nameof(values));
        }

        rows.Add((string[])values.Clone());
        rowLines.Add(0);
        return rows.Count - 1;
    }

    /// <summary>Sets a loop value as text.</summary>
    /// <exception cref="InvalidDataException">The column is missing.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The row is missing.</exception>
    public void Set(string column, int row, string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        int c = RequireColumn(column);
        CheckRow(row);
        rows[row][c] = value;
    }

    /// <summary>Sets a loop value to a number in shortest round-trip invariant form.</summary>
    public void Set(string column, int row, double value) => Set(column, row, value.ToString("R", CultureInfo.InvariantCulture));

    /// <summary>Sets a loop value to an integer.</summary>
    public void Set(string column, int row, long value) => Set(column, row, value.ToString(CultureInfo.InvariantCulture));

    /// <summary>Sets the value of a key in a list block, adding the key when it is new.</summary>
    /// <exception cref="InvalidOperationException">The block is a loop.</exception>
    public void Set(string key, string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (IsLoop)
        {
            throw new InvalidOperationException($"Block {Describe()} is a loop; set values with Set(column, row, value).");
        }

        if (rows.Count == 0)
        {
            rows.Add([]);
            rowLines.Add(0);
        }

        if (!HasColumn(key))
        {
            AddColumn(key);
        }

        int c = ColumnIndex(key);
        rows[0][c] = value;
        keyLines.Remove(c);
    }

    /// <summary>Sets a key of a list block to a number in shortest round-trip invariant form.</summary>
    public void Set(string key, double value) => Set(key, value.ToString("R", CultureInfo.InvariantCulture));

    /// <summary>Sets a key of a list block to an integer.</summary>
    public void Set(string key, long value) => Set(key, value.ToString(CultureInfo.InvariantCulture));

    /// <summary>The raw text of a row (for writers).</summary>
    internal IReadOnlyList<string> Row(int row) => rows[row];

    /// <summary>Appends a parsed row with the line it came from.</summary>
    internal void AddParsedRow(string[] values, int line)
    {
        rows.Add(values);
        rowLines.Add(line);
    }

    /// <summary>Sets a parsed key–value pair and records its line.</summary>
    internal void SetParsed(string key, string value, int line)
    {
        Set(key, value);
        keyLines[ColumnIndex(key)] = line;
    }

    private static string Normalize(string column)
    {
        ArgumentNullException.ThrowIfNull(column);
        return column.StartsWith('_') ? column[1..] : column;
    }

    private string Describe() => Source is null ? $"'data_{Name}'" : $"'data_{Name}' of '{Source}'";
}
