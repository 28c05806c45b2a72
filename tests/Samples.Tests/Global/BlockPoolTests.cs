using Oompa.Core.Memory;
using Oompa.Samples.FlexAlign.Global;

namespace Oompa.Samples.Tests.Global;

/// <summary>The working-buffer pool: a disposed block is reused for the same size, idle bytes stay bounded.</summary>
public sealed class BlockPoolTests
{
    private static MemoryBlock New(long bytes) => HostAllocator.Shared.Allocate(bytes);

    [Fact]
    public void A_disposed_block_comes_back_for_the_same_size_only()
    {
        var pool = new BlockPool(1 << 20);
        var first = pool.Rent(4096, New);
        nint pointer = first.Pointer;
        first.Dispose();
        Assert.True(first.IsDisposed);
        Assert.Throws<ObjectDisposedException>(() => first.Pointer);
        Assert.Equal(4096, pool.IdleBytes);

        using var other = pool.Rent(8192, New);
        Assert.NotEqual(pointer, other.Pointer);
        using var again = pool.Rent(4096, New);
        Assert.Equal(pointer, again.Pointer);
        Assert.Equal(0, pool.IdleBytes);
        pool.Trim();
    }

    [Fact]
    public void Disposing_twice_returns_once_and_the_oldest_idle_blocks_are_freed_beyond_the_capacity()
    {
        var pool = new BlockPool(10_000);
        var a = pool.Rent(4000, New);
        var b = pool.Rent(4000, New);
        var c = pool.Rent(4000, New);
        a.Dispose();
        a.Dispose();
        b.Dispose();
        Assert.Equal(8000, pool.IdleBytes);
        c.Dispose(); // 12 000 > 10 000: a, the oldest, is freed
        Assert.Equal(8000, pool.IdleBytes);
        pool.Trim();
        Assert.Equal(0, pool.IdleBytes);
    }
}
