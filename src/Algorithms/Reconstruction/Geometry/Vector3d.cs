namespace Oompa.Algorithms.Reconstruction.Geometry;

/// <summary>A 3-vector in double precision (x, y, z), used for directions, axes and positions in reconstruction geometry.</summary>
/// <param name="X">The x component.</param>
/// <param name="Y">The y component.</param>
/// <param name="Z">The z component.</param>
public readonly record struct Vector3d(double X, double Y, double Z)
{
    /// <summary>The Euclidean length.</summary>
    public double Length => Math.Sqrt(X * X + Y * Y + Z * Z);

    /// <summary>The vector scaled to length 1.</summary>
    /// <exception cref="InvalidOperationException">The vector is zero.</exception>
    public Vector3d Normalized()
    {
        var l = Length;
        if (l == 0) throw new InvalidOperationException("A zero vector has no direction.");
        return new Vector3d(X / l, Y / l, Z / l);
    }

    /// <summary>The dot product.</summary>
    public static double Dot(Vector3d a, Vector3d b) => a.X * b.X + a.Y * b.Y + a.Z * b.Z;

    /// <summary>The cross product <c>a × b</c>.</summary>
    public static Vector3d Cross(Vector3d a, Vector3d b) =>
        new(a.Y * b.Z - a.Z * b.Y, a.Z * b.X - a.X * b.Z, a.X * b.Y - a.Y * b.X);

    /// <summary>The sum.</summary>
    public static Vector3d operator +(Vector3d a, Vector3d b) => new(a.X + b.X, a.Y + b.Y, a.Z + b.Z);

    /// <summary>The difference.</summary>
    public static Vector3d operator -(Vector3d a, Vector3d b) => new(a.X - b.X, a.Y - b.Y, a.Z - b.Z);

    /// <summary>The vector scaled by <paramref name="s"/>.</summary>
    public static Vector3d operator *(double s, Vector3d a) => new(s * a.X, s * a.Y, s * a.Z);
}
