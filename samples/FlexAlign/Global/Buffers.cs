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
    /// Allocates <paramref name="elements"/> elements of <paramref name="type"/> from the shared host allocator, asking for
    /// huge pages: fresh full-size buffers otherwise pay one page fault per 4 KB on first touch, which dominated the
    /// spectra stage of long movies.
    /// </summary>
    public static MemoryBlock Allocate(long elements, DataType type) =>
        HostAllocator.Shared.Allocate(elements * type.Size, HugePageBuffers);

    private static readonly AllocationOptions HugePageBuffers = new(HugePages: true);
}
