using System.Runtime.InteropServices;
using Oompa.Core.Data;

namespace Oompa.Algorithms.Common.OpenCl;

/// <summary>
/// A logical layout as kernels receive it: the <c>layout</c> struct of <c>common.cl</c> (ten <c>int</c>s in this order).
/// Kernels index element (x, y, z, n) with <c>layout_offset</c>, which honours begin padding like
/// <see cref="LogicalDescriptor.Offset"/>.
/// </summary>
[StructLayout(LayoutKind.Sequential)]
internal readonly record struct OpenClLayout(int X, int Y, int Z, int N, int PaddedX, int PaddedY, int PaddedZ, int BeginX, int BeginY, int BeginZ)
{
    /// <summary>The layout of <paramref name="descriptor"/>; element counts must fit in a 32-bit index.</summary>
    public static OpenClLayout Of(LogicalDescriptor descriptor)
    {
        ArgumentNullException.ThrowIfNull(descriptor);
        if (descriptor.ElementCount > int.MaxValue)
        {
            throw new ArgumentException($"{descriptor} has {descriptor.ElementCount} elements; OpenCL kernels index at most {int.MaxValue}.", nameof(descriptor));
        }

        var s = descriptor.Size;
        var p = descriptor.PaddedSize;
        var b = descriptor.Padding;
        return new OpenClLayout(s.X, s.Y, s.Z, s.N, p.X, p.Y, p.Z, b.XBegin, b.YBegin, b.ZBegin);
    }

    /// <summary>Why a descriptor cannot be indexed by kernels, or null when it can.</summary>
    public static string? Problem(LogicalDescriptor descriptor, string member) =>
        descriptor.ElementCount > int.MaxValue
            ? $"member '{member}' has {descriptor.ElementCount} elements; OpenCL kernels index at most {int.MaxValue}."
            : null;

    /// <summary>Rows of the logical data (Y·Z·N).</summary>
    public int Rows => Y * Z * N;
}
