using Oompa.Core.Data;
using Oompa.Core.Memory;

namespace Oompa.Core.Devices.OpenCl;

/// <summary>
/// A device buffer (<c>cl_mem</c>) allocated by an <see cref="OpenClAllocator"/>. It is the <see cref="MemoryBlock.Handle"/>
/// of payloads on the device's memory node; disposing releases the memory and the allocator's accounting.
/// </summary>
public sealed class OpenClBuffer : MemoryBlock
{
    private readonly OpenClHandle handle;
    private readonly OpenClAllocator owner;
    private int released;

    internal OpenClBuffer(OpenClAllocator owner, nint mem, long bytes)
    {
        this.owner = owner;
        handle = new OpenClHandle(mem, OpenClObjectKind.Buffer, owner.Device.Objects);
        Bytes = bytes;
    }

    /// <summary>The device that owns the buffer.</summary>
    public OpenClDevice Device => owner.Device;

    /// <summary>The native <c>cl_mem</c>, valid until disposal.</summary>
    public nint NativeHandle => handle.Value;

    /// <inheritdoc />
    public override nint Pointer => 0;

    /// <inheritdoc />
    public override object? Handle => this;

    /// <inheritdoc />
    public override long Bytes { get; }

    /// <inheritdoc />
    public override MemoryNode Node => owner.Node;

    /// <inheritdoc />
    public override bool Pinned => false;

    /// <inheritdoc />
    public override bool IsDisposed => handle.IsClosed;

    /// <summary>The buffer behind a payload on an OpenCL memory node.</summary>
    /// <exception cref="ArgumentException">The payload holds no OpenCL buffer, or one smaller than it declares.</exception>
    public static OpenClBuffer Of(IPayload payload)
    {
        ArgumentNullException.ThrowIfNull(payload);
        var physical = payload.Physical;
        if (physical.Handle is not OpenClBuffer buffer)
        {
            throw new ArgumentException($"Payload '{payload.Name}' on {physical.Node} holds no OpenCL buffer (handle {physical.Handle?.GetType().Name ?? "null"}).", nameof(payload));
        }

        if (buffer.IsDisposed)
        {
            throw new ObjectDisposedException($"Payload '{payload.Name}': its OpenCL buffer has been released.");
        }

        if (buffer.Bytes < payload.RequiredBytes)
        {
            throw new ArgumentException($"Payload '{payload.Name}' needs {payload.RequiredBytes} bytes but its OpenCL buffer has {buffer.Bytes}.", nameof(payload));
        }

        return buffer;
    }

    /// <inheritdoc />
    protected override void Dispose(bool disposing)
    {
        if (Interlocked.Exchange(ref released, 1) == 0)
        {
            handle.Dispose();
            owner.Statistics.OnReleased(Bytes);
        }
    }
}
