using Oompa.Core.Data;

namespace Oompa.Core.Memory;

/// <summary>Allocates memory on one memory node and counts what is live.</summary>
public interface IMemoryAllocator
{
    /// <summary>The node this allocator serves.</summary>
    MemoryNode Node { get; }

    /// <summary>Live-allocation accounting.</summary>
    MemoryStatistics Statistics { get; }

    /// <summary>Allocates <paramref name="bytes"/> bytes.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The size or the options are invalid.</exception>
    /// <exception cref="OutOfMemoryException">The node cannot provide the memory.</exception>
    MemoryBlock Allocate(long bytes, AllocationOptions? options = null);
}
