namespace Oompa.Core.Devices.OpenCl;

/// <summary>
/// An in-order command queue with profiling enabled. Commands are asynchronous: they wait for the events in
/// <c>waitFor</c> (besides earlier commands of this queue) and, when <c>completion</c> is given, add their own event to it
/// (the caller then owns and disposes it). A device has a compute queue and a transfer queue, so copies overlap kernels.
/// </summary>
public sealed unsafe class OpenClQueue : IDisposable
{
    private readonly OpenClHandle handle;
    private long bytesToDevice;
    private long bytesToHost;

    internal OpenClQueue(OpenClDevice device, string name)
    {
        Device = device;
        Name = name;
        int error;
        nint q = OpenClNative.clCreateCommandQueue(device.ContextHandle, device.Info.Handle, OpenClNative.QueueProfilingEnable, &error);
        OpenClError.ThrowIfFailed(error, $"clCreateCommandQueue ({name} queue of {device.Name})");
        handle = new OpenClHandle(q, OpenClObjectKind.Queue, device.Objects);
    }

    /// <summary>The device this queue feeds.</summary>
    public OpenClDevice Device { get; }

    /// <summary>The queue's role, for example <c>compute</c> or <c>transfer</c>.</summary>
    public string Name { get; }

    /// <summary>The native <c>cl_command_queue</c>, valid until the device is disposed (for libraries such as clFFT).</summary>
    public nint NativeHandle => handle.Value;

    /// <summary>Bytes this queue has been asked to copy from host memory into buffers.</summary>
    public long BytesToDevice => Interlocked.Read(ref bytesToDevice);

    /// <summary>Bytes this queue has been asked to copy from buffers into host memory.</summary>
    public long BytesToHost => Interlocked.Read(ref bytesToHost);

    /// <summary>Submits queued commands to the device without waiting.</summary>
    public void Flush() => OpenClError.ThrowIfFailed(OpenClNative.clFlush(handle.Value), $"clFlush ({Name})");

    /// <summary>Blocks until every command queued so far has completed.</summary>
    public void Finish() => OpenClError.ThrowIfFailed(OpenClNative.clFinish(handle.Value), $"clFinish ({Name})");

    /// <summary>Copies <paramref name="bytes"/> bytes from host memory at <paramref name="source"/> into a buffer.</summary>
    /// <remarks>The host memory must stay valid and unchanged until the command completes (or pass <paramref name="blocking"/>).</remarks>
    public void Write(OpenClBuffer destination, long destinationOffset, nint source, long bytes, bool blocking = false, IReadOnlyList<OpenClEvent>? waitFor = null, ICollection<OpenClEvent>? completion = null)
    {
        ArgumentNullException.ThrowIfNull(destination);
        CheckRange(destination, destinationOffset, bytes, nameof(destination));
        nint* w = stackalloc nint[Capacity(waitFor)];
        uint n = Fill(waitFor, w);
        nint e = 0;
        int status = OpenClNative.clEnqueueWriteBuffer(
            handle.Value, destination.NativeHandle, blocking ? OpenClNative.True : OpenClNative.False, (nuint)destinationOffset, (nuint)bytes, (void*)source, n, n == 0 ? null : w, completion is null ? null : &e);
        Complete(status, $"write {bytes} B", completion, e);
        Interlocked.Add(ref bytesToDevice, bytes);
    }

    /// <summary>Copies <paramref name="bytes"/> bytes from a buffer into host memory at <paramref name="destination"/>.</summary>
    /// <remarks>The host memory must stay valid until the command completes (or pass <paramref name="blocking"/>).</remarks>
    public void Read(OpenClBuffer source, long sourceOffset, nint destination, long bytes, bool blocking = false, IReadOnlyList<OpenClEvent>? waitFor = null, ICollection<OpenClEvent>? completion = null)
    {
        ArgumentNullException.ThrowIfNull(source);
        CheckRange(source, sourceOffset, bytes, nameof(source));
        nint* w = stackalloc nint[Capacity(waitFor)];
        uint n = Fill(waitFor, w);
        nint e = 0;
        int status = OpenClNative.clEnqueueReadBuffer(
            handle.Value, source.NativeHandle, blocking ? OpenClNative.True : OpenClNative.False, (nuint)sourceOffset, (nuint)bytes, (void*)destination, n, n == 0 ? null : w, completion is null ? null : &e);
        Complete(status, $"read {bytes} B", completion, e);
        Interlocked.Add(ref bytesToHost, bytes);
    }

    /// <summary>Copies bytes between two buffers of this device (the ranges may not overlap within one buffer).</summary>
    public void Copy(OpenClBuffer source, long sourceOffset, OpenClBuffer destination, long destinationOffset, long bytes, IReadOnlyList<OpenClEvent>? waitFor = null, ICollection<OpenClEvent>? completion = null)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(destination);
        CheckRange(source, sourceOffset, bytes, nameof(source));
        CheckRange(destination, destinationOffset, bytes, nameof(destination));
        nint* w = stackalloc nint[Capacity(waitFor)];
        uint n = Fill(waitFor, w);
        nint e = 0;
        int status = OpenClNative.clEnqueueCopyBuffer(
            handle.Value, source.NativeHandle, destination.NativeHandle, (nuint)sourceOffset, (nuint)destinationOffset, (nuint)bytes, n, n == 0 ? null : w, completion is null ? null : &e);
        Complete(status, $"copy {bytes} B", completion, e);
    }

    /// <summary>Fills a byte range with zeros.</summary>
    public void Zero(OpenClBuffer buffer, long offset, long bytes, IReadOnlyList<OpenClEvent>? waitFor = null, ICollection<OpenClEvent>? completion = null)
    {
        ArgumentNullException.ThrowIfNull(buffer);
        CheckRange(buffer, offset, bytes, nameof(buffer));
        byte zero = 0;
        nint* w = stackalloc nint[Capacity(waitFor)];
        uint n = Fill(waitFor, w);
        nint e = 0;
        int status = OpenClNative.clEnqueueFillBuffer(
            handle.Value, buffer.NativeHandle, &zero, 1, (nuint)offset, (nuint)bytes, n, n == 0 ? null : w, completion is null ? null : &e);
        Complete(status, $"zero {bytes} B", completion, e);
    }

    /// <summary>Launches <paramref name="kernel"/> over <paramref name="range"/> with the arguments set on it.</summary>
    public void Launch(OpenClKernel kernel, OpenClRange range, IReadOnlyList<OpenClEvent>? waitFor = null, ICollection<OpenClEvent>? completion = null)
    {
        ArgumentNullException.ThrowIfNull(kernel);
        ArgumentNullException.ThrowIfNull(range);
        nuint* global = stackalloc nuint[3];
        nuint* local = stackalloc nuint[3];
        range.Write(global, local);
        bool hasLocal = range.Local is not null;
        nint* w = stackalloc nint[Capacity(waitFor)];
        uint n = Fill(waitFor, w);
        nint e = 0;
        int status = OpenClNative.clEnqueueNDRangeKernel(
            handle.Value, kernel.NativeHandle, (uint)range.Dimensions, null, global, hasLocal ? local : null, n, n == 0 ? null : w, completion is null ? null : &e);
        Complete(status, $"kernel {kernel.Name}", completion, e);
    }

    /// <summary>An event that completes when every command queued so far (and <paramref name="waitFor"/>) has completed.</summary>
    public OpenClEvent Marker(IReadOnlyList<OpenClEvent>? waitFor = null)
    {
        var events = new List<OpenClEvent>(1);
        nint* w = stackalloc nint[Capacity(waitFor)];
        uint n = Fill(waitFor, w);
        nint e = 0;
        int status = OpenClNative.clEnqueueMarkerWithWaitList(handle.Value, n, n == 0 ? null : w, &e);
        Complete(status, "marker", events, e);
        return events[0];
    }

    /// <summary>Makes every later command of this queue wait for <paramref name="waitFor"/> (for example another queue's marker).</summary>
    public void WaitFor(IReadOnlyList<OpenClEvent> waitFor)
    {
        ArgumentNullException.ThrowIfNull(waitFor);
        if (waitFor.Count > 0)
        {
            nint* w = stackalloc nint[Capacity(waitFor)];
            uint n = Fill(waitFor, w);
            Complete(OpenClNative.clEnqueueBarrierWithWaitList(handle.Value, n, w, null), "barrier", null, 0);
        }
    }

    /// <inheritdoc />
    public void Dispose() => handle.Dispose();

    /// <summary>Formats as <c>device/name</c>.</summary>
    public override string ToString() => $"{Device.Name}/{Name}";

    private static int Capacity(IReadOnlyList<OpenClEvent>? waitFor) => Math.Max(waitFor?.Count ?? 0, 1);

    private static uint Fill(IReadOnlyList<OpenClEvent>? waitFor, nint* list)
    {
        int count = waitFor?.Count ?? 0;
        for (int i = 0; i < count; i++)
        {
            list[i] = waitFor![i].NativeHandle;
        }

        return (uint)count;
    }

    private void Complete(int status, string command, ICollection<OpenClEvent>? completion, nint evt)
    {
        OpenClError.ThrowIfFailed(status, $"{command} on {this}");
        completion?.Add(new OpenClEvent(evt, command, Device.Objects));
    }

    private static void CheckRange(OpenClBuffer buffer, long offset, long bytes, string name)
    {
        if (offset < 0 || bytes < 0 || offset + bytes > buffer.Bytes)
        {
            throw new ArgumentOutOfRangeException(name, $"Range [{offset}, {offset + bytes}) lies outside the {buffer.Bytes}-byte buffer.");
        }
    }
}
