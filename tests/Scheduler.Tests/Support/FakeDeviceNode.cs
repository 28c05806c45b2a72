using System.Runtime.InteropServices;
using Oompa.Core.Data;
using Oompa.Core.Memory;
using Oompa.Scheduler.Nodes;

namespace Oompa.Scheduler.Tests.Support;

/// <summary>
/// A device memory node built only on the public provider interface: separate host allocations that the runtime sees
/// as device buffers (no pointer, a <see cref="FakeBuffer"/> handle), and copies that run on the thread pool after an
/// optional delay. Proves that a device plugs into the runtime from outside the assembly.
/// </summary>
public sealed class FakeDeviceNode(int index, long memoryLimit = long.MaxValue, TimeSpan copyDelay = default) : IMemoryNodeProvider
{
    private long live;
    private long peak;
    private long copies;
    private long blocks;
    private long inFlight;

    public MemoryNode Node => MemoryNode.Device(index);

    public string Identity => $"fake-device-{index}";

    public long MemoryLimit => memoryLimit;

    public long LiveBytes => Interlocked.Read(ref live);

    public long PeakBytes => Interlocked.Read(ref peak);

    public long LiveBlocks => Interlocked.Read(ref blocks);

    public long Copies => Interlocked.Read(ref copies);

    /// <summary>Copies started and not finished.</summary>
    public long InFlight => Interlocked.Read(ref inFlight);

    public MemoryBlock Allocate(long bytes)
    {
        long now = Interlocked.Add(ref live, bytes);
        Interlocked.Increment(ref blocks);
        long seen;
        while (now > (seen = Interlocked.Read(ref peak)) && Interlocked.CompareExchange(ref peak, now, seen) != seen)
        {
        }

        return new Block(this, bytes);
    }

    public Task CopyAsync(PhysicalDescriptor source, PhysicalDescriptor destination, long bytes, CancellationToken cancellationToken = default)
    {
        nint from = Address(source);
        nint to = Address(destination);
        if (source.Node.IsHost == destination.Node.IsHost)
        {
            throw new ArgumentException($"One side of a copy must be the host: {source.Node} -> {destination.Node}.");
        }

        Interlocked.Increment(ref copies);
        Interlocked.Increment(ref inFlight);
        return Task.Run(
            async () =>
            {
                try
                {
                    if (copyDelay > TimeSpan.Zero)
                    {
                        await Task.Delay(copyDelay, cancellationToken);
                    }

                    unsafe
                    {
                        Buffer.MemoryCopy((void*)from, (void*)to, bytes, bytes);
                    }
                }
                finally
                {
                    Interlocked.Decrement(ref inFlight);
                }
            },
            cancellationToken);
    }

    public LinkCalibration? Calibrate(TransferCalibrationOptions options) => null;

    private nint Address(PhysicalDescriptor d) => d.Node.IsHost
        ? d.Pointer
        : d.Node == Node && d.Handle is FakeBuffer b ? b.Address : throw new ArgumentException($"{d.Node} is not host memory nor a buffer of {Node}.");

    private sealed unsafe class Block : MemoryBlock
    {
        private readonly FakeDeviceNode owner;
        private nint address;

        public Block(FakeDeviceNode owner, long bytes)
        {
            this.owner = owner;
            address = (nint)NativeMemory.AlignedAlloc((nuint)Math.Max(bytes, 1), 64);
            NativeMemory.Fill((void*)address, (nuint)Math.Max(bytes, 1), 0xCD); // garbage, like fresh device memory
            Bytes = bytes;
            Buffer = new FakeBuffer(address, bytes);
        }

        public FakeBuffer Buffer { get; }

        public override nint Pointer => 0;

        public override object? Handle => Buffer;

        public override long Bytes { get; }

        public override MemoryNode Node => owner.Node;

        public override bool Pinned => false;

        public override bool IsDisposed => address == 0;

        protected override void Dispose(bool disposing)
        {
            nint p = Interlocked.Exchange(ref address, 0);
            if (p != 0)
            {
                NativeMemory.AlignedFree((void*)p);
                Interlocked.Add(ref owner.live, -Bytes);
                Interlocked.Decrement(ref owner.blocks);
            }
        }
    }
}
