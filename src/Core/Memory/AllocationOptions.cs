namespace Oompa.Core.Memory;

/// <summary>How host memory is allocated.</summary>
/// <param name="Alignment">Byte alignment of the first byte; a power of two, at least the pointer size. 64 suits AVX-512 and cache lines.</param>
/// <param name="Zeroed">Whether every byte starts as zero.</param>
/// <param name="Pinned">Whether the pages are locked in RAM (mlock), so devices can copy from them directly.</param>
public sealed record AllocationOptions(int Alignment = 64, bool Zeroed = false, bool Pinned = false)
{
    /// <summary>64-byte aligned, uninitialised, pageable.</summary>
    public static AllocationOptions Default { get; } = new();
}
