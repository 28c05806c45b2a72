using System.Globalization;
using Oompa.Core.Data;
using Oompa.Core.Devices.OpenCl;
using Oompa.Core.Memory;

namespace Oompa.Scheduler.Nodes.OpenCl;

/// <summary>
/// The memory node of one OpenCL device. Replicas are buffers of the device's <see cref="OpenClDevice.Allocator"/>:
/// their physical descriptors lie on the device's memory node with the <see cref="OpenClBuffer"/> as handle, which is
/// how OpenCL strategies recognise a device payload and use it in place (<see cref="OpenClBuffer.Of"/>). Copies go to
/// the device's transfer queue, so they overlap kernels on the compute queue, and complete when their events do (one
/// waiter per node, no thread blocked per copy). The link to the host is calibrated from profiling events.
/// </summary>
public sealed class OpenClNodeProvider : IMemoryNodeProvider
{
    /// <summary>
    /// The share of the allocator's limit the runtime keeps replicas in by default; the rest stays free for the buffers
    /// strategies allocate themselves (staging, scratch, FFT plans).
    /// </summary>
    public const double DefaultMemoryShare = 0.9;

    private readonly OpenClCopyWaiter waiter = new();
    private long copies;

    /// <summary>Serves the memory of <paramref name="device"/>.</summary>
    /// <param name="device">The device; it stays owned by the caller (for example <see cref="OpenClDevices"/>).</param>
    /// <param name="memoryLimit">Bytes the runtime may keep on the device; default <see cref="DefaultMemoryShare"/> of
    /// the allocator's limit, and never more than that limit.</param>
    public OpenClNodeProvider(OpenClDevice device, long? memoryLimit = null)
    {
        ArgumentNullException.ThrowIfNull(device);
        if (memoryLimit is { } limit)
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1, nameof(memoryLimit));
        }

        Device = device;
        long allocator = device.Allocator.MemoryLimit;
        MemoryLimit = Math.Min(memoryLimit ?? (long)(allocator * DefaultMemoryShare), allocator);
    }

    /// <summary>The device whose memory this node is.</summary>
    public OpenClDevice Device { get; }

    /// <inheritdoc />
    public MemoryNode Node => Device.MemoryNode;

    /// <inheritdoc />
    /// <remarks>The device's identity (vendor, name, driver, compute units): transfer models are kept per device model.</remarks>
    public string Identity => Device.Identity;

    /// <inheritdoc />
    public long MemoryLimit { get; }

    /// <summary>Copies started through <see cref="CopyAsync"/> (calibration copies are not counted).</summary>
    public long Copies => Interlocked.Read(ref copies);

    /// <summary>Copies started whose tasks have not completed yet.</summary>
    public int CopiesInFlight => waiter.InFlight;

    /// <inheritdoc />
    public MemoryBlock Allocate(long bytes) => Device.Allocator.AllocateBuffer(bytes);

    /// <inheritdoc />
    /// <remarks>
    /// Enqueues a non-blocking write or read on the transfer queue and flushes it; the task completes when the copy's
    /// event does (and faults with the OpenCL error when the copy fails). <paramref name="cancellationToken"/> is not
    /// observed: a runtime being cancelled still brings its data home, and an enqueued copy cannot be taken back.
    /// </remarks>
    public Task CopyAsync(PhysicalDescriptor source, PhysicalDescriptor destination, long bytes, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(destination);
        ArgumentOutOfRangeException.ThrowIfNegative(bytes);
        if (bytes == 0)
        {
            return Task.CompletedTask;
        }

        var queue = Device.TransferQueue;
        var events = new List<OpenClEvent>(1);
        if (source.Node.IsHost && destination.Node == Node)
        {
            queue.Write(BufferOf(destination), 0, HostPointer(source, bytes), bytes, completion: events);
        }
        else if (source.Node == Node && destination.Node.IsHost)
        {
            queue.Read(BufferOf(source), 0, HostPointer(destination, bytes), bytes, completion: events);
        }
        else
        {
            throw new ArgumentException($"{Node} ({Device.Name}) copies between the host and itself, not {source.Node} -> {destination.Node}.");
        }

        queue.Flush();
        Interlocked.Increment(ref copies);
        return waiter.Add(events[0]);
    }

    /// <inheritdoc />
    /// <remarks>
    /// From profiling events of copies between pageable host memory (what registered data is) and a device buffer,
    /// each direction: the latency is the median queued-to-end time of <see cref="TransferCalibrationOptions.LatencyBytes"/>
    /// copies (driver overhead included), the bandwidth the bytes over the median start-to-end time of
    /// <see cref="TransferCalibrationOptions.BandwidthBytes"/> copies.
    /// </remarks>
    public LinkCalibration? Calibrate(TransferCalibrationOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        long bytes = Math.Max(1, Math.Max(options.BandwidthBytes, options.LatencyBytes));
        using var host = HostAllocator.Shared.Allocate(bytes, new AllocationOptions(Zeroed: true));
        using var buffer = Device.Allocator.AllocateBuffer(bytes);
        return new LinkCalibration(Link(buffer, host.Pointer, toDevice: true, options), Link(buffer, host.Pointer, toDevice: false, options));
    }

    /// <summary>Formats as the node and the device.</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Node} ({Device.Name}, limit {MemoryLimit} B)");

    private OpenClBuffer BufferOf(PhysicalDescriptor physical) =>
        physical.Handle is OpenClBuffer buffer && buffer.Device == Device && !buffer.IsDisposed
            ? buffer
            : throw new ArgumentException($"The {Node} side of a copy holds no live buffer of {Device.Name} (handle {physical.Handle?.GetType().Name ?? "null"}).");

    private static nint HostPointer(PhysicalDescriptor physical, long bytes)
    {
        if (physical.Pointer == 0 || physical.Bytes < bytes)
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"The host side of a copy of {bytes} bytes has pointer {physical.Pointer} and {physical.Bytes} bytes."));
        }

        return physical.Pointer;
    }

    private LinkCost Link(OpenClBuffer buffer, nint host, bool toDevice, TransferCalibrationOptions options)
    {
        double latency = MedianNanoseconds(buffer, host, toDevice, options.LatencyBytes, options.LatencyIterations, t => t.Ended - t.Queued) * 1e-9;
        double large = MedianNanoseconds(buffer, host, toDevice, options.BandwidthBytes, options.BandwidthIterations, t => t.ExecutionNanoseconds) * 1e-9;
        return new LinkCost(latency, options.BandwidthBytes / Math.Max(large, 1e-9));
    }

    private double MedianNanoseconds(OpenClBuffer buffer, nint host, bool toDevice, long bytes, int iterations, Func<OpenClEventTimes, ulong> measure)
    {
        bytes = Math.Max(1, bytes);
        var times = new double[Math.Max(1, iterations)];
        for (int i = -1; i < times.Length; i++)
        {
            var events = new List<OpenClEvent>(1);
            if (toDevice)
            {
                Device.TransferQueue.Write(buffer, 0, host, bytes, completion: events);
            }
            else
            {
                Device.TransferQueue.Read(buffer, 0, host, bytes, completion: events);
            }

            Device.TransferQueue.Flush();
            using var copy = events[0];
            double ns = measure(copy.Times());
            if (i >= 0)
            {
                times[i] = ns;
            }
        }

        Array.Sort(times);
        return times[times.Length / 2];
    }
}
