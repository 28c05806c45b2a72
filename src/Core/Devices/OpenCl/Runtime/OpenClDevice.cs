using System.Globalization;
using Oompa.Core.Configuration;
using Oompa.Core.Data;
using Oompa.Core.Memory;

namespace Oompa.Core.Devices.OpenCl;

/// <summary>
/// One OpenCL device opened for work: its context, a compute queue and a transfer queue (so copies overlap kernels), an
/// allocator with a memory limit, pinned staging memory, and the program cache. Kernels of every strategy on this device
/// go to <see cref="ComputeQueue"/>, which is in order, so algorithms chained on the device need no host round trip.
/// </summary>
public sealed unsafe class OpenClDevice : IDevice, IDisposable
{
    private readonly OpenClHandle context;
    private bool disposed;

    private OpenClDevice(OpenClDeviceInfo info, int index, OpenClDeviceOptions options)
    {
        Info = info;
        Index = index;
        nint device = info.Handle;
        int error;
        nint ctx = OpenClNative.clCreateContext(null, 1, &device, 0, 0, &error);
        OpenClError.ThrowIfFailed(error, $"clCreateContext ({info.Name})");
        context = new OpenClHandle(ctx, OpenClObjectKind.Context, Objects);
        try
        {
            ComputeQueue = new OpenClQueue(this, "compute");
            TransferQueue = new OpenClQueue(this, "transfer");
        }
        catch
        {
            ComputeQueue?.Dispose();
            context.Dispose();
            throw;
        }

        long limit = options.MemoryLimit ?? (long)(info.GlobalMemoryBytes * 0.9);
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1, nameof(options));
        Allocator = new OpenClAllocator(this, limit);
        string? cache = options.BinaryCacheDirectory ?? OompaPaths.CacheSubdirectory("opencl");
        Programs = new OpenClProgramCache(this, string.IsNullOrEmpty(cache) ? null : cache);
    }

    /// <summary>What discovery learned about the device.</summary>
    public OpenClDeviceInfo Info { get; }

    /// <summary>The device's index among the OpenCL devices of this process; its memory node is <c>device{Index}</c>.</summary>
    public int Index { get; }

    /// <inheritdoc />
    public string Name => Info.Name;

    /// <inheritdoc />
    public string Identity => string.Create(CultureInfo.InvariantCulture, $"opencl|{Info.Vendor}|{Info.Name}|{Info.DriverVersion}|{Info.ComputeUnits}");

    /// <inheritdoc />
    public DeviceKind Kind => DeviceKind.Accelerator;

    /// <inheritdoc />
    public MemoryNode MemoryNode => MemoryNode.Device(Index);

    /// <inheritdoc />
    public int ComputeUnits => Info.ComputeUnits;

    /// <summary>Live native objects of this device by kind.</summary>
    public OpenClObjectCounters Objects { get; } = new();

    /// <summary>The queue every kernel of this device runs on.</summary>
    public OpenClQueue ComputeQueue { get; }

    /// <summary>The queue for uploads and downloads.</summary>
    public OpenClQueue TransferQueue { get; }

    /// <summary>Device buffers with a memory limit and live-allocation accounting.</summary>
    public OpenClAllocator Allocator { get; }

    /// <summary>Accounting of pinned staging memory (see <see cref="AllocateStaging"/>).</summary>
    public MemoryStatistics StagingStatistics { get; } = new();

    /// <summary>Compiled programs of this device, cached in memory and on disk.</summary>
    public OpenClProgramCache Programs { get; }

    /// <summary>The native <c>cl_context</c>, valid until disposal (for libraries such as clFFT).</summary>
    public nint NativeContext => context.Value;

    /// <summary>The native <c>cl_device_id</c>.</summary>
    public nint NativeDevice => Info.Handle;

    internal nint ContextHandle => context.Value;

    /// <summary>Opens a device found by <see cref="OpenClDiscovery"/>.</summary>
    /// <param name="info">The device.</param>
    /// <param name="index">Its index among this process's OpenCL devices (names its memory node).</param>
    /// <param name="options">Memory limit and binary cache; defaults when null.</param>
    public static OpenClDevice Open(OpenClDeviceInfo info, int index = 0, OpenClDeviceOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(info);
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        if (info.Handle == 0)
        {
            throw new ArgumentException($"Device '{info.Name}' was not produced by OpenClDiscovery.Discover and has no native handle.", nameof(info));
        }

        return new OpenClDevice(info, index, options ?? OpenClDeviceOptions.Default);
    }

    /// <summary>Allocates pinned host memory for staging transfers.</summary>
    public OpenClStagingBuffer AllocateStaging(long bytes) => new(this, bytes);

    /// <summary>Allocates a payload on this device with exactly the bytes <paramref name="descriptor"/> needs.</summary>
    public OwnedPayload<TDescriptor> Allocate<TDescriptor>(TDescriptor descriptor, DataType type, string name = "payload", bool zeroed = false)
        where TDescriptor : class, ILogicalDescriptor =>
        OwnedPayload<TDescriptor>.Allocate(Allocator, descriptor, type, name, zeroed ? new AllocationOptions(Zeroed: true) : null);

    /// <summary>
    /// Copies a host payload into a device payload with the same descriptor and type, on the transfer queue. Later
    /// kernels wait for it, and it waits for kernels queued before it (which may still read the buffer).
    /// </summary>
    /// <param name="host">Source on the host; must stay unchanged until the copy completes unless <paramref name="blocking"/>.</param>
    /// <param name="device">Destination on this device.</param>
    /// <param name="blocking">Whether to return only after the copy has completed.</param>
    /// <param name="completion">Receives the copy's event when given (the caller disposes it).</param>
    public void Upload<TDescriptor>(Payload<TDescriptor> host, Payload<TDescriptor> device, bool blocking = false, ICollection<OpenClEvent>? completion = null)
        where TDescriptor : class, ILogicalDescriptor
    {
        long bytes = CheckPair(host, device, "Upload");
        Transfer((q, after, done) => q.Write(OpenClBuffer.Of(device), 0, host.Physical.Pointer, bytes, blocking, after, done), completion, kernelsWait: true);
    }

    /// <summary>
    /// Copies a device payload into a host payload with the same descriptor and type, after every kernel queued so far.
    /// </summary>
    /// <param name="device">Source on this device.</param>
    /// <param name="host">Destination on the host; valid once the copy has completed.</param>
    /// <param name="blocking">Whether to return only after the copy has completed (the default).</param>
    /// <param name="completion">Receives the copy's event when given (the caller disposes it).</param>
    public void Download<TDescriptor>(Payload<TDescriptor> device, Payload<TDescriptor> host, bool blocking = true, ICollection<OpenClEvent>? completion = null)
        where TDescriptor : class, ILogicalDescriptor
    {
        long bytes = CheckPair(host, device, "Download");
        Transfer((q, after, done) => q.Read(OpenClBuffer.Of(device), 0, host.Physical.Pointer, bytes, blocking, after, done), completion, kernelsWait: false);
    }

    /// <summary>Blocks until every command on both queues has completed.</summary>
    public void Synchronize()
    {
        ComputeQueue.Finish();
        TransferQueue.Finish();
    }

    /// <summary>Releases programs, queues and the context. Buffers still live are reported by <see cref="Allocator"/>.</summary>
    public void Dispose()
    {
        if (disposed)
        {
            return;
        }

        disposed = true;
        try
        {
            Synchronize();
        }
        finally
        {
            Programs.Dispose();
            TransferQueue.Dispose();
            ComputeQueue.Dispose();
            context.Dispose();
        }
    }

    /// <summary>Formats as the device's description.</summary>
    public override string ToString() => $"{Info} as {MemoryNode}";

    private void Transfer(Action<OpenClQueue, IReadOnlyList<OpenClEvent>, ICollection<OpenClEvent>> enqueue, ICollection<OpenClEvent>? completion, bool kernelsWait)
    {
        // The transfer waits for the kernels queued so far (they may still use the buffer); with kernelsWait, later
        // kernels wait for the transfer.
        using var before = ComputeQueue.Marker();
        var events = new List<OpenClEvent>(1);
        enqueue(TransferQueue, [before], events);
        var done = events[0];
        if (kernelsWait)
        {
            ComputeQueue.WaitFor([done]);
        }

        if (completion is null)
        {
            done.Dispose();
        }
        else
        {
            completion.Add(done);
        }
    }

    private long CheckPair<TDescriptor>(Payload<TDescriptor> host, Payload<TDescriptor> device, string operation)
        where TDescriptor : class, ILogicalDescriptor
    {
        ArgumentNullException.ThrowIfNull(host);
        ArgumentNullException.ThrowIfNull(device);
        ObjectDisposedException.ThrowIf(disposed, this);
        var problems = new List<string>();
        if (!host.Physical.Node.IsHost || host.Physical.Pointer == 0)
        {
            problems.Add($"'{host.Name}' is not host data (node {host.Physical.Node}).");
        }
        else if (host.Physical.Bytes < host.RequiredBytes)
        {
            problems.Add($"'{host.Name}' declares {host.Physical.Bytes} bytes but needs {host.RequiredBytes}.");
        }

        if (device.Physical.Node != MemoryNode)
        {
            problems.Add($"'{device.Name}' lives on {device.Physical.Node}, not on {MemoryNode} ({Name}).");
        }

        if (!host.IsEquivalentTo(device))
        {
            problems.Add($"'{host.Name}' ({host.Descriptor}, {host.Physical.Type}) and '{device.Name}' ({device.Descriptor}, {device.Physical.Type}) differ.");
        }

        if (problems.Count > 0)
        {
            throw new ArgumentException($"{operation}: {string.Join(" ", problems)}");
        }

        return host.RequiredBytes;
    }
}
