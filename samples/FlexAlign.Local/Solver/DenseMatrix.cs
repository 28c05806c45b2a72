namespace Oompa.Samples.FlexAlign.Local;

/// <summary>A small dense row-major matrix of doubles (design matrices of the alignment least-squares problems).</summary>
public sealed class DenseMatrix
{
    private readonly double[] _data;

    /// <summary>Creates a zero matrix.</summary>
    /// <param name="rows">Number of rows (equations), ≥ 1.</param>
    /// <param name="columns">Number of columns (unknowns), ≥ 1.</param>
    public DenseMatrix(int rows, int columns)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(rows, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(columns, 1);
        Rows = rows;
        Columns = columns;
        _data = new double[checked(rows * columns)];
    }

    /// <summary>Number of rows (equations).</summary>
    public int Rows { get; }

    /// <summary>Number of columns (unknowns).</summary>
    public int Columns { get; }

    /// <summary>Element (row, column).</summary>
    /// <param name="row">Row index.</param>
    /// <param name="column">Column index.</param>
    public double this[int row, int column]
    {
        get => _data[Offset(row, column)];
        set => _data[Offset(row, column)] = value;
    }

    /// <summary>One row as a writable span.</summary>
    /// <param name="row">Row index.</param>
    /// <returns>The <see cref="Columns"/> elements of the row.</returns>
    public Span<double> Row(int row)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(row);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(row, Rows);
        return _data.AsSpan(row * Columns, Columns);
    }

    /// <summary>Computes A·x into <paramref name="result"/>.</summary>
    /// <param name="x">Vector of length <see cref="Columns"/>.</param>
    /// <param name="result">Destination of length <see cref="Rows"/>.</param>
    public void Multiply(ReadOnlySpan<double> x, Span<double> result)
    {
        if (x.Length != Columns || result.Length != Rows)
        {
            throw new ArgumentException($"A is {Rows}×{Columns}; got x of {x.Length} and result of {result.Length}.");
        }

        for (var r = 0; r < Rows; r++)
        {
            result[r] = VectorOps.Dot(_data.AsSpan(r * Columns, Columns), x);
        }
    }

    private int Offset(int row, int column)
    {
        if ((uint)row >= (uint)Rows || (uint)column >= (uint)Columns)
        {
            throw new ArgumentOutOfRangeException(nameof(row), $"({row}, {column}) outside {Rows}×{Columns}.");
        }

        return (row * Columns) + column;
    }
}
