using System.Numerics;
using System.Runtime.InteropServices;
using Oompa.Core.Data;
using Oompa.Scheduler.Data;

namespace Oompa.Samples.FourierReconstruction.Pipeline;

/// <summary>
/// The reduction of G and W under the task runtime: a private copy starts at zero and is folded in by element-wise
/// addition of its floats (a complex voxel is two floats), so the combined volume is the sum of every worker's part.
/// </summary>
internal static class VolumeReduction
{
    /// <summary>Zero init, element-wise float addition.</summary>
    public static ReductionOperation Sum { get; } = new(p => Floats(p).Clear(), Add);

    private static void Add(IPayload target, IPayload part)
    {
        var t = Floats(target);
        var s = Floats(part);
        var tv = MemoryMarshal.Cast<float, Vector<float>>(t);
        var sv = MemoryMarshal.Cast<float, Vector<float>>(s);
        for (int i = 0; i < tv.Length; i++)
        {
            tv[i] += sv[i];
        }

        for (int i = tv.Length * Vector<float>.Count; i < t.Length; i++)
        {
            t[i] += s[i];
        }
    }

    private static unsafe Span<float> Floats(IPayload payload)
    {
        var physical = payload.Physical;
        if (!physical.Node.IsHost || physical.Pointer == 0)
        {
            throw new InvalidOperationException($"The reduction of '{payload}' needs host data.");
        }

        return new Span<float>((void*)physical.Pointer, checked((int)(payload.RequiredBytes / sizeof(float))));
    }
}
