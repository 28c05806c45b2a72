using Oompa.Core.Data;
using Oompa.Core.Memory;

namespace Oompa.Samples.FlexAlign.Global;

/// <summary>Views into host memory blocks: payloads over a sub-range of a larger allocation.</summary>
internal static class Buffers
{
    /// <summary>A payload described by <paramref name="descriptor"/> starting <paramref name="elementOffset"/> elements into the block.</summary>
    public static Payload<TDescriptor> View<TDescriptor>(MemoryBlock block, TDescriptor descriptor, DataType type, long elementOffset, string name)
        where TDescriptor : class, ILogicalDescriptor
    {
        long bytes = descriptor.ElementCount * type.Size;
        long offset = elementOffset * type.Size;
        if (offset < 0 || offset + bytes > block.Bytes)
        {
            throw new ArgumentOutOfRangeException(nameof(elementOffset), $"View '{name}' [{offset}, {offset + bytes}) exceeds the block of {block.Bytes} bytes.");
        }

        return new Payload<TDescriptor>(descriptor, new PhysicalDescriptor(block.Pointer + (nint)offset, null, bytes, type, block.Node, block.Pinned), name);
    }

    /// <summary>
    /// <paramref name="elements"/> elements of <paramref name="type"/>: an idle block of that size from <see cref="Pool"/>
    /// (disposing the result returns it there), else a new one from the shared host allocator, asking for huge pages
    /// (fresh full-size buffers otherwise pay one page fault per 4 KB on first touch). Contents are undefined.
    /// </summary>
    public static MemoryBlock Allocate(long elements, DataType type) =>
        Pool.Rent(elements * type.Size, bytes => HostAllocator.Shared.Allocate(bytes, HugePageBuffers));

    /// <summary>The process's pool of working buffers; at most <see cref="Budget"/> bytes are kept idle.</summary>
    public static BlockPool Pool { get; } = new(Budget);

    /// <summary>
    /// Bytes one working store may take: a quarter of the memory available to the process (physical memory or the
    /// container's limit), at least 256 MiB.
    /// </summary>
    public static long Budget => Math.Max(256L << 20, GC.GetGCMemoryInfo().TotalAvailableMemoryBytes / 4);

    /// <summary>
    /// How many sets of working buffers of <paramref name="bytesPerSlot"/> to keep in flight: one per call that can run
    /// at once (<paramref name="concurrency"/>), no more than there are <paramref name="units"/> of work, and no more
    /// than fit in <see cref="Budget"/>; at least 1.
    /// </summary>
    public static int Slots(int concurrency, int units, long bytesPerSlot)
    {
        long fit = bytesPerSlot > 0 ? Budget / bytesPerSlot : int.MaxValue;
        return (int)Math.Max(1, Math.Min(Math.Min(concurrency, units), fit));
    }

    private static readonly AllocationOptions HugePageBuffers = new(HugePages: true);
}
