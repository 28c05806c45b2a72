namespace Oompa.Algorithms.Reconstruction.Geometry;

/// <summary>
/// A 3×3 matrix in double precision, row-major (<c>M[row, column]</c>), used for rotations of projections and symmetry
/// operators. A matrix multiplies column vectors: <c>v' = M·v</c>.
/// </summary>
public readonly record struct Matrix3(
    double M00, double M01, double M02,
    double M10, double M11, double M12,
    double M20, double M21, double M22)
{
    /// <summary>The identity.</summary>
    public static Matrix3 Identity { get; } = new(1, 0, 0, 0, 1, 0, 0, 0, 1);

    /// <summary>The element at <paramref name="row"/>, <paramref name="column"/> (both 0..2).</summary>
    public double this[int row, int column] => (row, column) switch
    {
        (0, 0) => M00, (0, 1) => M01, (0, 2) => M02,
        (1, 0) => M10, (1, 1) => M11, (1, 2) => M12,
        (2, 0) => M20, (2, 1) => M21, (2, 2) => M22,
        _ => throw new ArgumentOutOfRangeException(nameof(row), $"Matrix3 index ({row}, {column}) is outside 0..2."),
    };

    /// <summary>The transpose (for a rotation, its inverse).</summary>
    public Matrix3 Transpose() => new(M00, M10, M20, M01, M11, M21, M02, M12, M22);

    /// <summary>The determinant (+1 for a proper rotation).</summary>
    public double Determinant() =>
        M00 * (M11 * M22 - M12 * M21) - M01 * (M10 * M22 - M12 * M20) + M02 * (M10 * M21 - M11 * M20);

    /// <summary>The inverse.</summary>
    /// <exception cref="InvalidOperationException">The matrix is singular.</exception>
    public Matrix3 Inverse()
    {
        var det = Determinant();
        if (Math.Abs(det) < 1e-300) throw new InvalidOperationException("Matrix3 is singular and has no inverse.");
        var inv = 1.0 / det;
        return new Matrix3(
            (M11 * M22 - M12 * M21) * inv, (M02 * M21 - M01 * M22) * inv, (M01 * M12 - M02 * M11) * inv,
            (M12 * M20 - M10 * M22) * inv, (M00 * M22 - M02 * M20) * inv, (M02 * M10 - M00 * M12) * inv,
            (M10 * M21 - M11 * M20) * inv, (M01 * M20 - M00 * M21) * inv, (M00 * M11 - M01 * M10) * inv);
    }

    /// <summary>The product <c>a·b</c>.</summary>
    public static Matrix3 operator *(Matrix3 a, Matrix3 b) => new(
        a.M00 * b.M00 + a.M01 * b.M10 + a.M02 * b.M20, a.M00 * b.M01 + a.M01 * b.M11 + a.M02 * b.M21, a.M00 * b.M02 + a.M01 * b.M12 + a.M02 * b.M22,
        a.M10 * b.M00 + a.M11 * b.M10 + a.M12 * b.M20, a.M10 * b.M01 + a.M11 * b.M11 + a.M12 * b.M21, a.M10 * b.M02 + a.M11 * b.M12 + a.M12 * b.M22,
        a.M20 * b.M00 + a.M21 * b.M10 + a.M22 * b.M20, a.M20 * b.M01 + a.M21 * b.M11 + a.M22 * b.M21, a.M20 * b.M02 + a.M21 * b.M12 + a.M22 * b.M22);

    /// <summary>The product <c>m·v</c> of the matrix with a column vector.</summary>
    public static Vector3d operator *(Matrix3 m, Vector3d v) => new(
        m.M00 * v.X + m.M01 * v.Y + m.M02 * v.Z,
        m.M10 * v.X + m.M11 * v.Y + m.M12 * v.Z,
        m.M20 * v.X + m.M21 * v.Y + m.M22 * v.Z);

    /// <summary>The largest absolute difference between corresponding elements of two matrices.</summary>
    public static double MaxDifference(Matrix3 a, Matrix3 b)
    {
        var d = 0.0;
        for (var r = 0; r < 3; r++)
            for (var c = 0; c < 3; c++)
                d = Math.Max(d, Math.Abs(a[r, c] - b[r, c]));
        return d;
    }

    /// <summary>The rotation by <paramref name="radians"/> about the unit <paramref name="axis"/> (right hand rule).</summary>
    public static Matrix3 Rotation(Vector3d axis, double radians)
    {
        var n = axis.Normalized();
        double c = Math.Cos(radians), s = Math.Sin(radians), t = 1 - c;
        return new Matrix3(
            t * n.X * n.X + c, t * n.X * n.Y - s * n.Z, t * n.X * n.Z + s * n.Y,
            t * n.X * n.Y + s * n.Z, t * n.Y * n.Y + c, t * n.Y * n.Z - s * n.X,
            t * n.X * n.Z - s * n.Y, t * n.Y * n.Z + s * n.X, t * n.Z * n.Z + c);
    }

    /// <inheritdoc/>
    public override string ToString() =>
        FormattableString.Invariant($"[[{M00:G6}, {M01:G6}, {M02:G6}], [{M10:G6}, {M11:G6}, {M12:G6}], [{M20:G6}, {M21:G6}, {M22:G6}]]");
}
