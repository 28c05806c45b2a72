using Oompa.Algorithms.Reconstruction.Geometry;

namespace Oompa.Algorithms.Reconstruction.Symmetry;

/// <summary>
/// The rotation operators of the proper point groups, with the axes RELION and Xmipp use
/// (<c>SymList::fill_symmetry_class</c> in RELION's <c>src/symmetries.cpp</c>, the same generators as Xmipp's
/// <c>libraries/data/symmetries.cpp</c>). RELION writes the generator axes as rounded decimals; here they are the
/// exact expressions those decimals round (φ is the golden ratio), so the operators are accurate to double precision.
/// </summary>
internal static class PointGroups
{
    private static readonly double Phi = (1 + Math.Sqrt(5)) / 2;

    /// <summary>|(1, 0, φ)|: a five-fold axis of the 222 settings is (1, 0, φ) / S.</summary>
    private static readonly double S = Math.Sqrt(1 + Phi * Phi);

    private static readonly Vector3d X = new(1, 0, 0);
    private static readonly Vector3d Z = new(0, 0, 1);

    /// <summary>Cn: rotations by 360°·k/n about z, k = 0..n-1 (RELION: <c>rot_axis n 0 0 1</c>).</summary>
    public static Matrix3[] Cyclic(int n)
    {
        var ops = new Matrix3[n];
        for (var k = 0; k < n; k++)
            ops[k] = k == 0 ? Matrix3.Identity : GroupClosure.Snap(Matrix3.Rotation(Z, 2 * Math.PI * k / n));
        return ops;
    }

    /// <summary>
    /// Dn: the n rotations of Cn, then each of them times the two-fold rotation about x
    /// (RELION: <c>rot_axis n 0 0 1</c>, <c>rot_axis 2 1 0 0</c>). D1 is {identity, two-fold about x}.
    /// </summary>
    public static Matrix3[] Dihedral(int n)
    {
        var cyclic = Cyclic(n);
        var flip = new Matrix3(1, 0, 0, 0, -1, 0, 0, 0, -1); // 180° about x
        var ops = new Matrix3[2 * n];
        for (var k = 0; k < n; k++)
        {
            ops[k] = cyclic[k];
            ops[n + k] = cyclic[k] * flip;
        }
        return ops;
    }

    /// <summary>T (order 12): three-fold along z, two-fold along (0, √(2/3), √(1/3)) (RELION: 0, 0.816496, 0.577350).</summary>
    public static Matrix3[] Tetrahedral() => GroupClosure.Generate(
        [Fold(3, Z), Fold(2, new Vector3d(0, Math.Sqrt(2.0 / 3), Math.Sqrt(1.0 / 3)))], 12);

    /// <summary>O (order 24): three-fold along (1, 1, 1)/√3, four-fold along z; the four-folds lie on x, y and z.</summary>
    public static Matrix3[] Octahedral() => GroupClosure.Generate(
        [Fold(3, new Vector3d(1, 1, 1)), Fold(4, Z)], 24);

    /// <summary>
    /// I1..I4 (order 60), generators two-fold, five-fold, three-fold as in RELION:
    /// I1: 2 along x, 5 along (φ, 0, -1), 3 along (φ, 1/φ, 0) — two-folds on x, y, z ("no-Crowther 222").
    /// I2: 2 along z, 5 along (1, 0, φ), 3 along (0, 1/φ, φ) — two-folds on x, y, z ("Crowther 222"; plain I).
    /// I3: 2 along (-1, 0, φ), 5 along z, 3 along (-φ/S, 1/φ, φ²/S) — five-fold on z ("52 setting").
    /// I4: 2 along (1, 0, φ), 5 along (2, 0, 1), 3 along (φ/S, 1/φ, φ²/S) — five-fold on z, I3 mirrored in x.
    /// </summary>
    public static Matrix3[] Icosahedral(int setting)
    {
        Matrix3[] generators = setting switch
        {
            1 => [Fold(2, X), Fold(5, new Vector3d(Phi, 0, -1)), Fold(3, new Vector3d(Phi, 1 / Phi, 0))],
            2 => [Fold(2, Z), Fold(5, new Vector3d(1, 0, Phi)), Fold(3, new Vector3d(0, 1 / Phi, Phi))],
            3 => [Fold(2, new Vector3d(-1, 0, Phi)), Fold(5, Z), Fold(3, new Vector3d(-Phi / S, 1 / Phi, Phi * Phi / S))],
            4 => [Fold(2, new Vector3d(1, 0, Phi)), Fold(5, new Vector3d(2, 0, 1)), Fold(3, new Vector3d(Phi / S, 1 / Phi, Phi * Phi / S))],
            _ => throw new ArgumentOutOfRangeException(nameof(setting), setting, "Icosahedral settings are 1 to 4."),
        };
        return GroupClosure.Generate(generators, 60);
    }

    /// <summary>The rotation by 360°/<paramref name="fold"/> about <paramref name="axis"/> (normalised here).</summary>
    private static Matrix3 Fold(int fold, Vector3d axis) => GroupClosure.Snap(Matrix3.Rotation(axis, 2 * Math.PI / fold));
}
