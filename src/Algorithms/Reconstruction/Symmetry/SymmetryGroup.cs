using System.Globalization;
using Oompa.Algorithms.Reconstruction.Geometry;

namespace Oompa.Algorithms.Reconstruction.Symmetry;

/// <summary>
/// A point-group symmetry of a particle, as the list of its rotation operators (the identity first). Names follow
/// RELION and Xmipp (case-insensitive): <c>C1</c>, <c>Cn</c> (n-fold axis along z).
/// </summary>
public sealed class SymmetryGroup
{
    private SymmetryGroup(string name, IReadOnlyList<Matrix3> operators)
    {
        Name = name;
        Operators = operators;
    }

    /// <summary>The canonical name, upper case (for example <c>C4</c>).</summary>
    public string Name { get; }

    /// <summary>The rotation operators of the group, the identity first; every element of the group exactly once.</summary>
    public IReadOnlyList<Matrix3> Operators { get; }

    /// <summary>The group without symmetry.</summary>
    public static SymmetryGroup C1 { get; } = new("C1", [Matrix3.Identity]);

    /// <summary>The names <see cref="Parse"/> accepts, for messages.</summary>
    public const string AcceptedNames = "C1, Cn (n ≥ 1)";

    /// <summary>Parses a symmetry name.</summary>
    /// <exception cref="FormatException">The name is not a supported group; the message lists the accepted names.</exception>
    public static SymmetryGroup Parse(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var s = name.Trim().ToUpperInvariant();
        if (s.Length >= 2 && s[0] == 'C' && int.TryParse(s.AsSpan(1), NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n >= 1)
            return n == 1 ? C1 : Cyclic(n);
        throw new FormatException($"Unknown symmetry '{name}'; accepted: {AcceptedNames}.");
    }

    private static SymmetryGroup Cyclic(int n)
    {
        var ops = new Matrix3[n];
        for (var k = 0; k < n; k++)
            ops[k] = k == 0 ? Matrix3.Identity : Matrix3.Rotation(new Vector3d(0, 0, 1), 2 * Math.PI * k / n);
        return new SymmetryGroup(string.Create(CultureInfo.InvariantCulture, $"C{n}"), ops);
    }

    /// <inheritdoc/>
    public override string ToString() => Name;
}
