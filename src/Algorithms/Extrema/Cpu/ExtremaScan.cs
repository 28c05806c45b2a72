using System.Numerics;
using Oompa.Algorithms.Common;

namespace Oompa.Algorithms.Extrema.Cpu;

/// <summary>
/// Finds the element of highest score in a range of a box, ignoring NaNs, with ties going to the lowest box-linear
/// index. Vectorised: a block of <see cref="Vector{T}.Count"/> elements is examined lane by lane only when one of its
/// scores beats the best so far, which after the first few blocks is rare.
/// </summary>
internal static unsafe class ExtremaScan
{
    /// <summary>
    /// Box-linear index of the highest score in [<paramref name="from"/>, <paramref name="to"/>) and that score; −1 when no
    /// element scores above −∞ (all NaN, or all scores −∞: see <see cref="FirstNumber"/>).
    /// </summary>
    public static long Best(ExtremaType type, float* origin, BoxGeometry box, long from, long to, out float score) => type switch
    {
        ExtremaType.Min => Best<MinScore>(origin, box, from, to, out score),
        ExtremaType.AbsMax => Best<AbsMaxScore>(origin, box, from, to, out score),
        _ => Best<MaxScore>(origin, box, from, to, out score),
    };

    /// <summary>Box-linear index of the first element that is not NaN, or −1.</summary>
    public static long FirstNumber(float* origin, BoxGeometry box)
    {
        var cursor = box.Segments(0, box.Count);
        while (cursor.Next(out long offset, out long index, out long length))
        {
            float* p = origin + offset;
            for (long i = 0; i < length; i++)
            {
                if (!float.IsNaN(p[i]))
                {
                    return index + i;
                }
            }
        }

        return -1;
    }

    private static long Best<TScore>(float* origin, BoxGeometry box, long from, long to, out float score)
        where TScore : struct, IExtremumScore
    {
        float best = float.NegativeInfinity;
        long bestIndex = -1;
        int lanes = Vector<float>.Count;
        var cursor = box.Segments(from, to);
        while (cursor.Next(out long offset, out long index, out long length))
        {
            float* p = origin + offset;
            long i = 0;
            if (Vector.IsHardwareAccelerated && length >= lanes)
            {
                var bestVector = new Vector<float>(best);
                for (; i <= length - lanes; i += lanes)
                {
                    var scores = TScore.Score(Vector.Load(p + i));
                    if (Vector.GreaterThanAny(scores, bestVector))
                    {
                        for (int lane = 0; lane < lanes; lane++)
                        {
                            float s = scores[lane];
                            if (s > best)
                            {
                                best = s;
                                bestIndex = index + i + lane;
                            }
                        }

                        bestVector = new Vector<float>(best);
                    }
                }
            }

            for (; i < length; i++)
            {
                float s = TScore.Score(p[i]);
                if (s > best)
                {
                    best = s;
                    bestIndex = index + i;
                }
            }
        }

        score = best;
        return bestIndex;
    }
}
