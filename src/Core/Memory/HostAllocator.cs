using System.Numerics;
using System.Runtime.InteropServices;
using Oompa.Core.Data;
using Oompa.Core.Native;

namespace Oompa.Core.Memory;

/// <summary>
/// Allocates aligned native host memory, optionally zeroed and page-locked. Memory is released only by disposing its
/// block: payloads hold raw pointers that the garbage collector cannot see, so a finalizer freeing an unreachable block
/// would free memory still in use. A forgotten Dispose is a leak that <see cref="IMemoryAllocator.Statistics"/> shows.
/// </summary>
public sealed class HostAllocator : IMemoryAllocator
{
    /// <summary>A process-wide allocator for code that does not need its own accounting.</summary>
    public static HostAllocator Shared { get; } = new();

    /// <inheritdoc />
    public MemoryNode Node => MemoryNode.Host;

    /// <inheritdoc />
    public MemoryStatistics Statistics { get; } = new();

    /// <inheritdoc />
    public MemoryBlock Allocate(long bytes, AllocationOptions? options = null)
    {
        options ??= AllocationOptions.Default;
        ArgumentOutOfRangeException.ThrowIfNegative(bytes);
        if (options.Alignment < nint.Size || !BitOperations.IsPow2(options.Alignment))
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.Alignment, $"Alignment must be a power of two of at least {nint.Size} bytes.");
        }

        return new HostMemoryBlock(this, bytes, options);
    }

    private sealed unsafe class HostMemoryBlock : MemoryBlock
    {
        private readonly HostAllocator owner;
        private nint pointer;

        public HostMemoryBlock(HostAllocator owner, long bytes, AllocationOptions options)
        {
            this.owner = owner;
            // Zero-byte requests still get a unique, valid pointer so that payload validation can rely on it.
            nuint size = (nuint)Math.Max(bytes, 1);
            void* p = NativeMemory.AlignedAlloc(size, (nuint)options.Alignment);
            if (p is null)
            {
                throw new OutOfMemoryException($"Could not allocate {bytes} bytes of host memory aligned to {options.Alignment}.");
            }

            if (options.HugePages)
            {
                AdviseHugePages((nint)p, bytes);
            }

            if (options.Zeroed)
            {
                NativeMemory.Clear(p, size);
            }

            if (options.Pinned && LibC.mlock((nint)p, size) != 0)
            {
                int errno = Marshal.GetLastPInvokeError();
                NativeMemory.AlignedFree(p);
                throw new OutOfMemoryException($"Could not pin {bytes} bytes of host memory: mlock failed with errno {errno} (raise 'ulimit -l' or allocate unpinned).");
            }

            pointer = (nint)p;
            Bytes = bytes;
            Pinned = options.Pinned;
            owner.Statistics.OnAllocated(bytes);
        }

        /// <summary>Best-effort MADV_HUGEPAGE on the whole 2 MB pages inside the block (Linux only).</summary>
        private static void AdviseHugePages(nint start, long bytes)
        {
            const long HugePage = 2L * 1024 * 1024;
            const int MadviseHugePage = 14;
            if (!OperatingSystem.IsLinux() || bytes < 2 * HugePage)
            {
                return;
            }

            long first = (start + HugePage - 1) & ~(HugePage - 1);
            long end = (start + bytes) & ~(HugePage - 1);
            if (end > first)
            {
                _ = LibC.madvise((nint)first, (nuint)(end - first), MadviseHugePage);
            }
        }

        public override nint Pointer
        {
            get
            {
                ObjectDisposedException.ThrowIf(pointer == 0, this);
                return pointer;
            }
        }

        public override object? Handle => null;

        public override long Bytes { get; }

        public override MemoryNode Node => MemoryNode.Host;

        public override bool Pinned { get; }

        public override bool IsDisposed => pointer == 0;

        protected override void Dispose(bool disposing)
        {
            nint p = Interlocked.Exchange(ref pointer, 0);
            if (p == 0)
            {
                return;
            }

            if (Pinned)
            {
                _ = LibC.munlock(p, (nuint)Math.Max(Bytes, 1));
            }

            NativeMemory.AlignedFree((void*)p);
            owner.Statistics.OnReleased(Bytes);
        }
    }
}
