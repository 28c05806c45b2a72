namespace Oompa.Core.Data;

/// <summary>
/// Where a payload's bytes are: a host pointer or an opaque device handle, the byte count, the element type, the memory
/// node, and whether host memory is pinned (page-locked). A descriptor with zero bytes and neither pointer nor handle is
/// <see cref="IsEmpty">empty</see>: it describes data without holding any, as algorithms need at <c>Init</c>.
/// </summary>
/// <param name="Pointer">Host address of the first byte (zero for device memory or empty descriptors).</param>
/// <param name="Handle">Backend handle for device memory (for example an OpenCL buffer); null for host memory.</param>
/// <param name="Bytes">Bytes available from <paramref name="Pointer"/> or in the handle's buffer.</param>
/// <param name="Type">Element type.</param>
/// <param name="Node">Memory node of the bytes.</param>
/// <param name="Pinned">Whether host memory is page-locked, so devices can copy from it directly.</param>
public sealed record PhysicalDescriptor(nint Pointer, object? Handle, long Bytes, DataType Type, MemoryNode Node, bool Pinned = false)
{
    /// <summary>A descriptor of the given type that holds no data.</summary>
    public static PhysicalDescriptor Empty(DataType type, MemoryNode node = default) => new(0, null, 0, type, node);

    /// <summary>Whether this describes no bytes at all.</summary>
    public bool IsEmpty => Bytes == 0 && Pointer == 0 && Handle is null;

    /// <summary>The same type, node and pinning without any data.</summary>
    public PhysicalDescriptor WithoutData() => this with { Pointer = 0, Handle = null, Bytes = 0 };

    /// <summary>Adds a message for every inconsistency, each starting with <paramref name="prefix"/>.</summary>
    public void Validate(string prefix, ICollection<string> problems)
    {
        ArgumentNullException.ThrowIfNull(problems);
        if (Bytes < 0)
        {
            problems.Add($"{prefix}Physical.Bytes is {Bytes}, which is negative.");
        }

        if (IsEmpty)
        {
            return;
        }

        switch (Node.Kind)
        {
            case MemoryNodeKind.Host when Pointer == 0:
                problems.Add($"{prefix}Physical.Pointer is null but {Bytes} bytes of host memory are declared.");
                break;
            case MemoryNodeKind.Device when Handle is null:
                problems.Add($"{prefix}Physical.Handle is null but {Bytes} bytes on {Node} are declared.");
                break;
        }

        if (Pinned && !Node.IsHost)
        {
            problems.Add($"{prefix}Physical.Pinned is set for {Node}, but only host memory can be pinned.");
        }
    }
}
