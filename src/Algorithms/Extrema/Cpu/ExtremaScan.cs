using System.Numerics;
using Oompa.Algorithms.Common;

namespace Oompa.Algorithms.Extrema.Cpu;

/// <summary>
/// Finds the element of highest score in a range of a box, ignoring NaNs, with ties going to the lowest box-linear
/// index. Vectorised: a block of four <see cref="Vector{T}"/>s is examined element by element only when one of its
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
                // Four vectors per test: one compare each, OR-ed (NaN compares false, so NaNs never trigger a look),
                // keeps a thread far ahead of memory; the rare block that beats the best is re-scanned in order.
                var bestVector = new Vector<float>(best);
                for (; i <= length - (4 * lanes); i += 4 * lanes)
                {
                    float* q = p + i;
                    var above = Vector.GreaterThan(TScore.Score(Vector.Load(q)), bestVector)
                        | Vector.GreaterThan(TScore.Score(Vector.Load(q + lanes)), bestVector)
                        | Vector.GreaterThan(TScore.Score(Vector.Load(q + (2 * lanes))), bestVector)
                        | Vector.GreaterThan(TScore.Score(Vector.Load(q + (3 * lanes))), bestVector);
                    if (above != Vector<int>.Zero)
                    {
                        for (int k = 0; k < 4 * lanes; k++)
                        {
                            float s = TScore.Score(q[k]);
                            if (s > best)
                            {
                                best = s;
                                bestIndex = index + i + k;
                            }
                        }

                        bestVector = new Vector<float>(best);
                    }
                }

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
