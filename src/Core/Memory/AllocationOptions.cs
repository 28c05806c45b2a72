namespace Oompa.Core.Memory;

/// <summary>How host memory is allocated.</summary>
/// <param name="Alignment">Byte alignment of the first byte; a power of two, at least the pointer size. 64 suits AVX-512 and cache lines.</param>
/// <param name="Zeroed">Whether every byte starts as zero.</param>
/// <param name="Pinned">Whether the pages are locked in RAM (mlock), so devices can copy from them directly.</param>
/// <param name="HugePages">
/// Whether to ask Linux for transparent huge pages (madvise MADV_HUGEPAGE) on the whole 2 MB pages of a block of at
/// least 4 MB, so first touching a large fresh buffer costs a few 2 MB faults instead of one per 4 KB page. A hint
/// only: where it is unavailable or refused the memory stays on normal pages.
/// </param>
public sealed record AllocationOptions(int Alignment = 64, bool Zeroed = false, bool Pinned = false, bool HugePages = false)
{
    /// <summary>64-byte aligned, uninitialised, pageable.</summary>
    public static AllocationOptions Default { get; } = new();
}
