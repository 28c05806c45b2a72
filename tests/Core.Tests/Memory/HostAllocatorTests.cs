using FsCheck;
using FsCheck.Fluent;
using Oompa.Core.Data;
using Oompa.Core.Memory;

namespace Oompa.Core.Tests.Memory;

public class HostAllocatorTests
{
    [Fact]
    public void Live_counters_return_to_zero_after_any_allocation_sequence() =>
        Prop.ForAll(Arb.From(Gen.ListOf(Gen.Choose(0, 100_000))), Arb.From(Gen.Elements(8, 16, 64, 4096)), (sizes, alignment) =>
        {
            var allocator = new HostAllocator();
            var blocks = sizes.Select(s => allocator.Allocate(s, new AllocationOptions(alignment))).ToList();
            bool counted = allocator.Statistics.LiveAllocations == blocks.Count && allocator.Statistics.LiveBytes == sizes.Sum(s => (long)s);
            bool aligned = blocks.All(b => b.Pointer % alignment == 0);
            blocks.ForEach(b => b.Dispose());
            blocks.ForEach(b => b.Dispose());
            return counted && aligned && allocator.Statistics.LiveAllocations == 0 && allocator.Statistics.LiveBytes == 0;
        }).QuickCheckThrowOnFailure();

    [Fact]
    public unsafe void Zeroed_and_pinned_allocations_work_and_are_released()
    {
        var allocator = new HostAllocator();
        using (var block = allocator.Allocate(1 << 16, new AllocationOptions(Zeroed: true, Pinned: true)))
        {
            Assert.True(block.Pinned);
            Assert.Equal(-1, new ReadOnlySpan<byte>((void*)block.Pointer, 1 << 16).IndexOfAnyExcept((byte)0));
            Assert.True(block.Describe(DataType.Float32).Pinned);
        }

        Assert.Equal(0, allocator.Statistics.LiveAllocations);
        Assert.Equal(1 << 16, allocator.Statistics.PeakBytes);
    }

    [Fact]
    public unsafe void Huge_page_hint_leaves_a_usable_block_for_any_size_and_alignment() =>
        Prop.ForAll(Arb.From(Gen.Elements(0, 1, 4096, (4 << 20) - 1, 4 << 20, (6 << 20) + 123)), Arb.From(Gen.Elements(64, 4096)), (bytes, alignment) =>
        {
            var allocator = new HostAllocator();
            using (var block = allocator.Allocate(bytes, new AllocationOptions(alignment, Zeroed: true, HugePages: true)))
            {
                var span = new Span<byte>((void*)block.Pointer, bytes);
                if (span.IndexOfAnyExcept((byte)0) >= 0 || block.Pointer % alignment != 0)
                {
                    return false;
                }

                span.Fill(0x5A);
            }

            return allocator.Statistics.LiveAllocations == 0;
        }).QuickCheckThrowOnFailure();

    [Fact]
    public void Disposed_blocks_refuse_use()
    {
        var block = new HostAllocator().Allocate(64);
        block.Dispose();
        Assert.True(block.IsDisposed);
        Assert.Throws<ObjectDisposedException>(() => block.Pointer);
        Assert.Throws<ObjectDisposedException>(() => block.Describe(DataType.Float32));
    }

    [Fact]
    public void Memory_stays_valid_while_only_the_payload_is_referenced()
    {
        var allocator = new HostAllocator();
        var payload = AllocateAndDropOwner(allocator);
        for (int i = 0; i < 3; i++)
        {
            GC.Collect();
            GC.WaitForPendingFinalizers();
        }

        Assert.Equal(1, allocator.Statistics.LiveAllocations);
        Assert.All(payload.AsSpan<float>().ToArray(), v => Assert.Equal(7f, v));
        payload.AsSpan<float>().Fill(3f);
    }

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    private static Payload<LogicalDescriptor> AllocateAndDropOwner(HostAllocator allocator)
    {
        var owned = OwnedPayload<LogicalDescriptor>.Allocate(allocator, new LogicalDescriptor(new Size(4096)), DataType.Float32);
        owned.AsSpan<float>().Fill(7f);
        return owned.Payload;
    }

    [Theory]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(48)]
    public void Invalid_alignments_are_rejected(int alignment) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new HostAllocator().Allocate(16, new AllocationOptions(alignment)));

    [Fact]
    public void Owned_payloads_are_sized_by_their_descriptor_and_release_their_memory()
    {
        var allocator = new HostAllocator();
        var descriptor = FourierDescriptor.ForSpatial(new Size(10, 4, 1, 3));
        using (var owned = OwnedPayload<FourierDescriptor>.Allocate(allocator, descriptor, DataType.Float32, "frames"))
        {
            Assert.Equal(120 * 4, owned.Payload.Physical.Bytes);
            Assert.Equal(owned.Payload.RequiredBytes, owned.Payload.Physical.Bytes);
            owned.AsSpan<float>().Fill(1);
            Assert.Throws<InvalidOperationException>(() => owned.AsSpan<double>());
        }

        Assert.Equal(0, allocator.Statistics.LiveAllocations);
    }
}
