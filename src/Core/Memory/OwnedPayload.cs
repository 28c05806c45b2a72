using Oompa.Core.Data;

namespace Oompa.Core.Memory;

/// <summary>A payload together with the memory block that backs it; disposing releases the memory.</summary>
/// <typeparam name="TDescriptor">The logical descriptor type.</typeparam>
public sealed class OwnedPayload<TDescriptor> : IDisposable
    where TDescriptor : class, ILogicalDescriptor
{
    private OwnedPayload(Payload<TDescriptor> payload, MemoryBlock block)
    {
        Payload = payload;
        Block = block;
    }

    /// <summary>The payload over <see cref="Block"/>.</summary>
    public Payload<TDescriptor> Payload { get; }

    /// <summary>The memory backing the payload.</summary>
    public MemoryBlock Block { get; }

    /// <summary>Allocates exactly the bytes <paramref name="descriptor"/> needs for elements of <paramref name="type"/>.</summary>
    public static OwnedPayload<TDescriptor> Allocate(
        IMemoryAllocator allocator,
        TDescriptor descriptor,
        DataType type,
        string name = "payload",
        AllocationOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(allocator);
        ArgumentNullException.ThrowIfNull(descriptor);
        long bytes = checked(descriptor.ElementCount * type.Size);
        var block = allocator.Allocate(bytes, options);
        return new OwnedPayload<TDescriptor>(new Payload<TDescriptor>(descriptor, block.Describe(type), name), block);
    }

    /// <summary>A span over the host data (see <see cref="Payload{TDescriptor}.AsSpan{T}"/>).</summary>
    public Span<T> AsSpan<T>()
        where T : unmanaged => Payload.AsSpan<T>();

    /// <inheritdoc />
    public void Dispose() => Block.Dispose();
}
