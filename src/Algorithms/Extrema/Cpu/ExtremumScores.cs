using System.Numerics;

namespace Oompa.Algorithms.Extrema.Cpu;

/// <summary>Maps a value to the score an <see cref="ExtremaType"/> ranks by (highest wins); generic struct arguments
/// let the JIT specialise the scan loops per type.</summary>
internal interface IExtremumScore
{
    static abstract float Score(float value);

    static abstract Vector<float> Score(Vector<float> values);
}

/// <summary>Score of <see cref="ExtremaType.Max"/>: the value itself.</summary>
internal readonly struct MaxScore : IExtremumScore
{
    public static float Score(float value) => value;

    public static Vector<float> Score(Vector<float> values) => values;
}

/// <summary>Score of <see cref="ExtremaType.Min"/>: the negated value.</summary>
internal readonly struct MinScore : IExtremumScore
{
    public static float Score(float value) => -value;

    public static Vector<float> Score(Vector<float> values) => -values;
}

/// <summary>Score of <see cref="ExtremaType.AbsMax"/>: the magnitude.</summary>
internal readonly struct AbsMaxScore : IExtremumScore
{
    public static float Score(float value) => MathF.Abs(value);

    public static Vector<float> Score(Vector<float> values) => Vector.Abs(values);
}

/// <summary>Scalar scores outside hot loops.</summary>
internal static class ExtremumScore
{
    public static double Of(ExtremaType type, float value) => type switch
    {
        ExtremaType.Min => -(double)value,
        ExtremaType.AbsMax => Math.Abs((double)value),
        _ => value,
    };
}
