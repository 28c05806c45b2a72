using Oompa.Core.Data;
using Oompa.Core.Memory;

namespace Oompa.Core.Devices.OpenCl;

/// <summary>
/// Pinned host memory for fast transfers: a <c>CL_MEM_ALLOC_HOST_PTR</c> buffer mapped into the host address space for
/// its whole life. It is host memory (<see cref="MemoryNode.Host"/>, <see cref="Pinned"/>), so payloads over it work with
/// CPU strategies too; transfers from it reach full bus bandwidth on discrete GPUs.
/// </summary>
public sealed unsafe class OpenClStagingBuffer : MemoryBlock
{
    private readonly OpenClDevice device;
    private readonly OpenClHandle handle;
    private nint pointer;

    internal OpenClStagingBuffer(OpenClDevice device, long bytes)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(bytes);
        this.device = device;
        long size = Math.Max(bytes, 1);
        int error;
        nint mem = OpenClNative.clCreateBuffer(device.ContextHandle, OpenClNative.MemReadWrite | OpenClNative.MemAllocHostPtr, (nuint)size, null, &error);
        if (OpenClError.IsOutOfMemory(error))
        {
            throw new OutOfMemoryException($"{device.Name} could not provide {bytes} bytes of pinned host memory ({OpenClError.Name(error)}).");
        }

        OpenClError.ThrowIfFailed(error, "clCreateBuffer (staging)");
        handle = new OpenClHandle(mem, OpenClObjectKind.Buffer, device.Objects);
        void* p = OpenClNative.clEnqueueMapBuffer(device.TransferQueue.NativeHandle, mem, OpenClNative.True, OpenClNative.MapRead | OpenClNative.MapWrite, 0, (nuint)size, 0, null, null, &error);
        if (error != OpenClError.Success)
        {
            handle.Dispose();
            OpenClError.ThrowIfFailed(error, "clEnqueueMapBuffer (staging)");
        }

        pointer = (nint)p;
        Bytes = size;
        device.StagingStatistics.OnAllocated(size);
    }

    /// <inheritdoc />
    public override nint Pointer
    {
        get
        {
            ObjectDisposedException.ThrowIf(IsDisposed, this);
            return pointer;
        }
    }

    /// <inheritdoc />
    public override object? Handle => null;

    /// <inheritdoc />
    public override long Bytes { get; }

    /// <inheritdoc />
    public override MemoryNode Node => MemoryNode.Host;

    /// <inheritdoc />
    public override bool Pinned => true;

    /// <inheritdoc />
    public override bool IsDisposed => pointer == 0;

    /// <inheritdoc />
    protected override void Dispose(bool disposing)
    {
        nint p = Interlocked.Exchange(ref pointer, 0);
        if (p == 0)
        {
            return;
        }

        nint evt = 0;
        if (OpenClNative.clEnqueueUnmapMemObject(device.TransferQueue.NativeHandle, handle.Value, (void*)p, 0, null, &evt) == OpenClError.Success)
        {
            OpenClNative.clWaitForEvents(1, &evt);
            OpenClNative.clReleaseEvent(evt);
        }

        handle.Dispose();
        device.StagingStatistics.OnReleased(Bytes);
    }
}
