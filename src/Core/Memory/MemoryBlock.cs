using Oompa.Core.Data;

namespace Oompa.Core.Memory;

/// <summary>
/// Memory owned by an allocator: a host pointer or a device handle plus its size. Disposing returns it to the allocator;
/// every block is counted in the allocator's <see cref="IMemoryAllocator.Statistics"/> until then.
/// </summary>
public abstract class MemoryBlock : IDisposable
{
    /// <summary>Host address of the first byte; zero for device memory.</summary>
    public abstract nint Pointer { get; }

    /// <summary>Backend handle for device memory; null for host memory.</summary>
    public abstract object? Handle { get; }

    /// <summary>Bytes in the block.</summary>
    public abstract long Bytes { get; }

    /// <summary>The memory node of the block.</summary>
    public abstract MemoryNode Node { get; }

    /// <summary>Whether the block is page-locked host memory.</summary>
    public abstract bool Pinned { get; }

    /// <summary>Whether the block has been released.</summary>
    public abstract bool IsDisposed { get; }

    /// <summary>A physical descriptor of the whole block holding elements of <paramref name="type"/>.</summary>
    public PhysicalDescriptor Describe(DataType type)
    {
        ObjectDisposedException.ThrowIf(IsDisposed, this);
        return new PhysicalDescriptor(Pointer, Handle, Bytes, type, Node, Pinned);
    }

    /// <inheritdoc />
    public void Dispose()
    {
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    /// <summary>Releases the memory.</summary>
    protected abstract void Dispose(bool disposing);
}
