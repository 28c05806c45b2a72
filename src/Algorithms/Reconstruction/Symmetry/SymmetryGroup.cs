using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using Oompa.Algorithms.Reconstruction.Geometry;

namespace Oompa.Algorithms.Reconstruction.Symmetry;

/// <summary>
/// A point-group symmetry of a particle, as the list of its rotation operators (the identity first). Names and axes
/// follow RELION and Xmipp (case-insensitive): <c>C1</c>; <c>Cn</c> (n-fold axis along z); <c>Dn</c> (n-fold along z,
/// two-fold along x); <c>T</c> (three-fold along z); <c>O</c> (four-folds along x, y and z); <c>I1</c>..<c>I4</c>
/// (icosahedral settings; plain <c>I</c> is <c>I2</c>). Only proper rotations: groups with mirrors or an inversion
/// (Ci, Cs, Cnv, Cnh, Dnh, Th, Oh, Ih, ...) are not offered. See docs/symmetry.md.
/// </summary>
public sealed class SymmetryGroup
{
    private static readonly Lazy<SymmetryGroup> TetrahedralGroup = new(() => new("T", PointGroups.Tetrahedral()));
    private static readonly Lazy<SymmetryGroup> OctahedralGroup = new(() => new("O", PointGroups.Octahedral()));
    private static readonly Lazy<SymmetryGroup>[] IcosahedralGroups =
        [.. Enumerable.Range(1, 4).Select(s => new Lazy<SymmetryGroup>(() => new($"I{s}", PointGroups.Icosahedral(s))))];

    private SymmetryGroup(string name, Matrix3[] operators)
    {
        Name = name;
        Operators = Array.AsReadOnly(operators);
    }

    /// <summary>The canonical name, upper case (for example <c>C4</c>, <c>D2</c>, <c>I2</c> for <c>i</c>).</summary>
    public string Name { get; }

    /// <summary>The rotation operators of the group, the identity first; every element of the group exactly once.</summary>
    public IReadOnlyList<Matrix3> Operators { get; }

    /// <summary>The number of operators: n for Cn, 2n for Dn, 12 for T, 24 for O, 60 for I.</summary>
    public int Order => Operators.Count;

    /// <summary>The group without symmetry.</summary>
    public static SymmetryGroup C1 { get; } = new("C1", [Matrix3.Identity]);

    /// <summary>The largest n accepted in <c>Cn</c> and <c>Dn</c>.</summary>
    public const int MaxAxisOrder = 999;

    /// <summary>The names <see cref="Parse"/> accepts, for messages.</summary>
    public const string AcceptedNames = "C1, Cn and Dn (n = 1..999), T, O, I1, I2, I3, I4 and I (= I2)";

    /// <summary>Parses a symmetry name (case-insensitive, surrounding white space ignored).</summary>
    /// <exception cref="FormatException">The name is not a supported group; the message names it and lists the accepted names.</exception>
    public static SymmetryGroup Parse(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return TryParse(name, out var group, out var problem)
            ? group
            : throw new FormatException($"Unknown symmetry '{name}'{problem}; accepted: {AcceptedNames}.");
    }

    /// <summary>Parses a symmetry name like <see cref="Parse"/>, returning false instead of throwing.</summary>
    public static bool TryParse(string? name, [NotNullWhen(true)] out SymmetryGroup? group) =>
        TryParse(name, out group, out _);

    private static bool TryParse(string? name, [NotNullWhen(true)] out SymmetryGroup? group, out string problem)
    {
        group = null;
        problem = "";
        var s = (name ?? "").Trim().ToUpperInvariant();
        switch (s)
        {
            case "T": group = TetrahedralGroup.Value; return true;
            case "O": group = OctahedralGroup.Value; return true;
            case "I": group = IcosahedralGroups[1].Value; return true;
            case "I1" or "I2" or "I3" or "I4": group = IcosahedralGroups[s[1] - '1'].Value; return true;
        }
        if (s.Length < 2 || (s[0] != 'C' && s[0] != 'D')) return false;
        if (!int.TryParse(s.AsSpan(1), NumberStyles.None, CultureInfo.InvariantCulture, out var n) || n < 1 || n > MaxAxisOrder)
        {
            if (s.AsSpan(1).IndexOfAnyExceptInRange('0', '9') < 0) problem = $" (the axis order must be 1..{MaxAxisOrder})";
            return false;
        }
        group = s[0] == 'C'
            ? n == 1 ? C1 : new SymmetryGroup(Invariant($"C{n}"), PointGroups.Cyclic(n))
            : new SymmetryGroup(Invariant($"D{n}"), PointGroups.Dihedral(n));
        return true;
    }

    /// <summary>
    /// The orientations equivalent to <paramref name="orientation"/> under this symmetry, one per operator in
    /// operator order: <c>A·R_j</c>, where <c>A</c> is a projection matrix as <see cref="EulerAngles.ToMatrix"/>
    /// gives it (volume to projection coordinates). This is RELION's symmetry expansion
    /// (<c>Euler_apply_transf(I, R_j, ...)</c>); inserting a projection at every one of these orientations is
    /// inserting it once per operator.
    /// </summary>
    public Matrix3[] Expand(Matrix3 orientation)
    {
        var result = new Matrix3[Operators.Count];
        for (var j = 0; j < result.Length; j++) result[j] = orientation * Operators[j];
        return result;
    }

    /// <summary>The Euler angles of the orientations <see cref="Expand(Matrix3)"/> gives, one per operator.</summary>
    public EulerAngles[] Expand(EulerAngles angles)
    {
        var matrices = Expand(angles.ToMatrix());
        var result = new EulerAngles[matrices.Length];
        for (var j = 0; j < result.Length; j++) result[j] = EulerAngles.FromMatrix(matrices[j]);
        return result;
    }

    /// <inheritdoc/>
    public override string ToString() => Name;

    private static string Invariant(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
