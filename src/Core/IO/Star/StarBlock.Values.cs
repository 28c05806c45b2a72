using System.Globalization;

namespace Oompa.Core.IO.Star;

/// <summary>Typed getters of <see cref="StarBlock"/>.</summary>
public sealed partial class StarBlock
{
    /// <summary>The text of a value (row 0 for a list block).</summary>
    /// <exception cref="InvalidDataException">The column is missing.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The row is missing.</exception>
    public string GetString(string column, int row = 0)
    {
        int c = RequireColumn(column);
        CheckRow(row);
        return rows[row][c];
    }

    /// <summary>A value parsed as a 32-bit integer.</summary>
    /// <exception cref="InvalidDataException">The column is missing or the value is not an integer.</exception>
    public int GetInt(string column, int row = 0) =>
        int.TryParse(GetString(column, row), NumberStyles.Integer, CultureInfo.InvariantCulture, out int v)
            ? v
            : throw Unparseable(column, row, "a 32-bit integer");

    /// <summary>A value parsed as a 64-bit integer.</summary>
    /// <exception cref="InvalidDataException">The column is missing or the value is not an integer.</exception>
    public long GetLong(string column, int row = 0) =>
        long.TryParse(GetString(column, row), NumberStyles.Integer, CultureInfo.InvariantCulture, out long v)
            ? v
            : throw Unparseable(column, row, "a 64-bit integer");

    /// <summary>A value parsed as a double (invariant culture; NaN and Infinity accepted).</summary>
    /// <exception cref="InvalidDataException">The column is missing or the value is not a number.</exception>
    public double GetDouble(string column, int row = 0) =>
        double.TryParse(GetString(column, row), NumberStyles.Float, CultureInfo.InvariantCulture, out double v)
            ? v
            : throw Unparseable(column, row, "a number");

    /// <summary>A value parsed as an <c>index@path</c> image name.</summary>
    /// <exception cref="InvalidDataException">The column is missing or the value is not an image name.</exception>
    public StarImageName GetImageName(string column, int row = 0) =>
        StarImageName.TryParse(GetString(column, row), out var name)
            ? name
            : throw Unparseable(column, row, "an image name (index@path with a 1-based index)");

    private int RequireColumn(string column)
    {
        int c = ColumnIndex(column);
        if (c < 0)
        {
            string kind = IsLoop ? "column" : "key";
            string known = columns.Count == 0 ? "none" : string.Join(", ", columns.Select(n => "_" + n));
            throw new InvalidDataException($"Block {Describe()} has no {kind} '_{Normalize(column)}' ({kind}s: {known}).");
        }

        return c;
    }

    private void CheckRow(int row)
    {
        if ((uint)row >= (uint)rows.Count)
        {
            throw new ArgumentOutOfRangeException(nameof(row), row, $"Block {Describe()} has {rows.Count} rows.");
        }
    }

    private InvalidDataException Unparseable(string column, int row, string expected)
    {
        string where = IsLoop ? $"column '_{Normalize(column)}', row {row}" : $"key '_{Normalize(column)}'";
        int c = ColumnIndex(column);
        int lineNumber = IsLoop ? rowLines[row] : keyLines.GetValueOrDefault(c);
        string line = lineNumber > 0 ? string.Create(CultureInfo.InvariantCulture, $" (line {lineNumber})") : "";
        return new InvalidDataException($"Block {Describe()}, {where}{line}: '{rows[row][c]}' is not {expected}.");
    }
}
