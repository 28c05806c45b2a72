namespace Oompa.Core.Data;

/// <summary>A place bytes can live: the host, device <c>k</c>, or runtime-managed memory.</summary>
/// <param name="Kind">What kind of memory this is.</param>
/// <param name="Index">Device index for <see cref="MemoryNodeKind.Device"/>; zero otherwise.</param>
public readonly record struct MemoryNode(MemoryNodeKind Kind, int Index)
{
    /// <summary>Host memory.</summary>
    public static MemoryNode Host { get; } = new(MemoryNodeKind.Host, 0);

    /// <summary>Runtime-managed memory.</summary>
    public static MemoryNode RuntimeManaged { get; } = new(MemoryNodeKind.RuntimeManaged, 0);

    /// <summary>Memory of device <paramref name="index"/>.</summary>
    public static MemoryNode Device(int index)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        return new MemoryNode(MemoryNodeKind.Device, index);
    }

    /// <summary>Whether the CPU can address the bytes directly through a pointer.</summary>
    public bool IsHost => Kind == MemoryNodeKind.Host;

    /// <summary>Formats as <c>host</c>, <c>device0</c> or <c>managed</c>.</summary>
    public override string ToString() => Kind switch
    {
        MemoryNodeKind.Host => "host",
        MemoryNodeKind.Device => $"device{Index}",
        _ => "managed",
    };
}
