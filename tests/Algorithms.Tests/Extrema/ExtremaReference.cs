using Oompa.Algorithms.Extrema;
using Oompa.Core.Data;

namespace Oompa.Algorithms.Tests.Extrema;

/// <summary>A LINQ reference for the integer extremum: NaNs ignored, highest score wins, ties to the lowest linear index.</summary>
public static class ExtremaReference
{
    /// <summary>Value and (x, y, z) per signal of <paramref name="data"/> (logical order), searched in <paramref name="region"/>.</summary>
    public static (float Value, float X, float Y, float Z)[] Find(float[] data, Size size, ExtremaType type, SearchRegion region)
    {
        var box = region.Resolve(size) ?? throw new ArgumentException("The region does not fit.", nameof(region));
        return [.. Enumerable.Range(0, size.N).Select(n => FindOne(data, size, type, box, n))];
    }

    public static double Score(ExtremaType type, float v) => type switch
    {
        ExtremaType.Min => -(double)v,
        ExtremaType.AbsMax => Math.Abs((double)v),
        _ => v,
    };

    private static (float, float, float, float) FindOne(float[] data, Size size, ExtremaType type, SearchBox box, int n)
    {
        var candidates =
            from z in Enumerable.Range(box.Z, box.Depth)
            from y in Enumerable.Range(box.Y, box.Height)
            from x in Enumerable.Range(box.X, box.Width)
            let index = x + ((long)size.X * (y + ((long)size.Y * (z + ((long)size.Z * n)))))
            let v = data[index]
            where !float.IsNaN(v)
            select (v, x, y, z, index);
        var list = candidates.ToList();
        if (list.Count == 0)
        {
            return (float.NaN, float.NaN, float.NaN, float.NaN);
        }

        double best = list.Max(c => Score(type, c.v));
        var winner = list.Where(c => Score(type, c.v) == best).OrderBy(c => c.index).First();
        return (winner.v, winner.x, winner.y, winner.z);
    }
}
