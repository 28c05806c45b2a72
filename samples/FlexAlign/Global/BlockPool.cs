using Oompa.Core.Data;
using Oompa.Core.Memory;

namespace Oompa.Samples.FlexAlign.Global;

/// <summary>
/// Host blocks for the pipeline's large working buffers, reused by size: a block that is disposed goes idle here, and
/// the next request for exactly that many bytes (the same store of the next movie of the same geometry, a ring of the
/// next stage) gets it back instead of fresh memory. Fresh memory costs a page fault per page on first touch, which on
/// a virtual machine is far slower than using it (measured here: 1.7 s per GiB for pages the guest never used, 0.07 s
/// per GiB for reused ones), so a process that aligns movie after movie would otherwise pay it for every movie. The
/// oldest idle blocks are freed beyond <see cref="Capacity"/> idle bytes; <see cref="Trim"/> frees them all.
/// Thread-safe.
/// </summary>
internal sealed class BlockPool(long capacity)
{
    private readonly LinkedList<MemoryBlock> idle = new();
    private readonly Lock gate = new();
    private long idleBytes;

    /// <summary>The most idle bytes kept.</summary>
    public long Capacity { get; } = capacity;

    /// <summary>Bytes held idle now.</summary>
    public long IdleBytes
    {
        get
        {
            lock (gate)
            {
                return idleBytes;
            }
        }
    }

    /// <summary>A block of exactly <paramref name="bytes"/> bytes: an idle one of that size, else a new one from <paramref name="allocate"/>.</summary>
    public MemoryBlock Rent(long bytes, Func<long, MemoryBlock> allocate)
    {
        ArgumentNullException.ThrowIfNull(allocate);
        lock (gate)
        {
            for (var node = idle.Last; node is not null; node = node.Previous)
            {
                if (node.Value.Bytes == bytes)
                {
                    idle.Remove(node);
                    idleBytes -= bytes;
                    return new Pooled(this, node.Value);
                }
            }
        }

        return new Pooled(this, allocate(bytes));
    }

    /// <summary>Frees every idle block.</summary>
    public void Trim()
    {
        List<MemoryBlock> freed;
        lock (gate)
        {
            freed = [.. idle];
            idle.Clear();
            idleBytes = 0;
        }

        foreach (var block in freed)
        {
            block.Dispose();
        }
    }

    private void Return(MemoryBlock block)
    {
        var freed = new List<MemoryBlock>();
        lock (gate)
        {
            idle.AddLast(block);
            idleBytes += block.Bytes;
            while (idleBytes > Capacity && idle.First is { } oldest)
            {
                idle.RemoveFirst();
                idleBytes -= oldest.Value.Bytes;
                freed.Add(oldest.Value);
            }
        }

        foreach (var b in freed)
        {
            b.Dispose();
        }
    }

    /// <summary>A rented block: the pool's block until disposed, then idle in the pool again.</summary>
    private sealed class Pooled(BlockPool pool, MemoryBlock inner) : MemoryBlock
    {
        private readonly long bytes = inner.Bytes;
        private readonly MemoryNode node = inner.Node;
        private readonly bool pinned = inner.Pinned;
        private MemoryBlock? block = inner;

        public override nint Pointer => Live.Pointer;

        public override object? Handle => Live.Handle;

        public override long Bytes => bytes;

        public override MemoryNode Node => node;

        public override bool Pinned => pinned;

        public override bool IsDisposed => block is null;

        private MemoryBlock Live => block ?? throw new ObjectDisposedException(nameof(BlockPool));

        protected override void Dispose(bool disposing)
        {
            if (Interlocked.Exchange(ref block, null) is { } b)
            {
                pool.Return(b);
            }
        }
    }
}
