using Oompa.Algorithms.Reconstruction.Geometry;

namespace Oompa.Algorithms.Tests.Reconstruction.Symmetry;

/// <summary>
/// Independent helpers for the symmetry tests: the axis and order of a rotation, the axes of a group by fold, and a
/// naive group closure (written separately from the production closure so the two check each other).
/// </summary>
internal static class RotationFacts
{
    /// <summary>Element-wise tolerance for "the same rotation" (the production closure uses 1e-6 too).</summary>
    public const double Same = 1e-6;

    /// <summary>Whether <paramref name="m"/> equals one of <paramref name="set"/> within <see cref="Same"/>.</summary>
    public static bool Contains(IEnumerable<Matrix3> set, Matrix3 m) => set.Any(s => Matrix3.MaxDifference(s, m) < Same);

    /// <summary>Whether two lists hold the same rotations (each of one found in the other, equal counts).</summary>
    public static bool SameSet(IReadOnlyCollection<Matrix3> a, IReadOnlyCollection<Matrix3> b) =>
        a.Count == b.Count && a.All(m => Contains(b, m)) && b.All(m => Contains(a, m));

    /// <summary>The smallest k ≥ 1 with m^k = identity (at most <paramref name="max"/>, else 0).</summary>
    public static int ElementOrder(Matrix3 m, int max = 1000)
    {
        var p = m;
        for (var k = 1; k <= max; k++)
        {
            if (Matrix3.MaxDifference(p, Matrix3.Identity) < Same) return k;
            p *= m;
        }
        return 0;
    }

    /// <summary>The unit axis of a rotation other than the identity, sign chosen so its first non-zero component is positive.</summary>
    public static Vector3d Axis(Matrix3 r)
    {
        var cos = Math.Clamp((r.M00 + r.M11 + r.M22 - 1) / 2, -1, 1);
        var sin = Math.Sqrt(1 - cos * cos);
        Vector3d v;
        if (sin > 1e-3)
            v = new Vector3d(r.M21 - r.M12, r.M02 - r.M20, r.M10 - r.M01);
        else
        {
            // Half turn: (R + I) / 2 = n·nᵀ; take the column with the largest diagonal.
            var c = r.M00 >= r.M11 && r.M00 >= r.M22 ? 0 : r.M11 >= r.M22 ? 1 : 2;
            v = new Vector3d(r[0, c] + (c == 0 ? 1 : 0), r[1, c] + (c == 1 ? 1 : 0), r[2, c] + (c == 2 ? 1 : 0));
        }
        return Canonical(v);
    }

    /// <summary>The unit vector along <paramref name="v"/> or its opposite, whichever has a positive first non-zero component.</summary>
    public static Vector3d Canonical(Vector3d v)
    {
        var n = v.Normalized();
        var first = Math.Abs(n.X) > 1e-9 ? n.X : Math.Abs(n.Y) > 1e-9 ? n.Y : n.Z;
        return first < 0 ? -1 * n : n;
    }

    /// <summary>The rotation axes of a group with the largest fold about each (n for an n-fold axis).</summary>
    public static List<(Vector3d Axis, int Fold)> Axes(IReadOnlyList<Matrix3> group)
    {
        var axes = new List<(Vector3d Axis, int Fold)>();
        foreach (var m in group)
        {
            var order = ElementOrder(m);
            if (order == 1) continue;
            var axis = Axis(m);
            var i = axes.FindIndex(a => (a.Axis - axis).Length < Same);
            if (i < 0) axes.Add((axis, order));
            else if (order > axes[i].Fold) axes[i] = (axis, order);
        }
        return axes;
    }

    /// <summary>The fold of the group about <paramref name="axis"/> (1 when it is no symmetry axis).</summary>
    public static int FoldAbout(IReadOnlyList<Matrix3> group, Vector3d axis)
    {
        var a = Canonical(axis);
        var hit = Axes(group).Where(x => (x.Axis - a).Length < Same).ToList();
        return hit.Count == 0 ? 1 : hit[0].Fold;
    }

    /// <summary>The number of axes of each fold, for example {2: 15, 3: 10, 5: 6} for I.</summary>
    public static SortedDictionary<int, int> AxisCensus(IReadOnlyList<Matrix3> group) =>
        new(Axes(group).GroupBy(a => a.Fold).ToDictionary(g => g.Key, g => g.Count()));

    /// <summary>All products of the generators until none is new (naive; for orders up to a few hundred).</summary>
    public static List<Matrix3> NaiveClosure(IEnumerable<Matrix3> generators)
    {
        var set = new List<Matrix3> { Matrix3.Identity };
        set.AddRange(generators.Where(g => !Contains(set, g)));
        bool grew;
        do
        {
            grew = false;
            foreach (var a in set.ToList())
                foreach (var b in set.ToList())
                {
                    var p = a * b;
                    if (Contains(set, p)) continue;
                    set.Add(p);
                    grew = true;
                }
        } while (grew && set.Count <= 500);
        return set;
    }
}
