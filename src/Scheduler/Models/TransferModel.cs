using System.Diagnostics;
using Oompa.Core.Memory;
using Oompa.Scheduler.Nodes;

namespace Oompa.Scheduler.Models;

/// <summary>
/// Latency and bandwidth per directed pair of memory nodes (by node identity), calibrated once per link and persisted
/// per host as versioned JSON. Thread-safe.
/// </summary>
public sealed class TransferModel
{
    private readonly Lock gate = new();
    private readonly Dictionary<(string From, string To), LinkCost> links = [];

    /// <summary>Every link, sorted.</summary>
    public IReadOnlyList<TransferLink> Links
    {
        get
        {
            lock (gate)
            {
                return [.. links.OrderBy(l => l.Key.From, StringComparer.Ordinal).ThenBy(l => l.Key.To, StringComparer.Ordinal)
                    .Select(l => new TransferLink(l.Key.From, l.Key.To, l.Value))];
            }
        }
    }

    /// <summary>The cost of a link, or null when it was never calibrated.</summary>
    public LinkCost? Get(string from, string to)
    {
        lock (gate)
        {
            return links.TryGetValue((from, to), out var cost) ? cost : null;
        }
    }

    /// <summary>Sets the cost of a link.</summary>
    public void Set(string from, string to, LinkCost cost)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(from);
        ArgumentException.ThrowIfNullOrWhiteSpace(to);
        lock (gate)
        {
            links[(from, to)] = cost;
        }
    }

    /// <summary>
    /// Calibrates both directions between <paramref name="host"/> and <paramref name="node"/> unless they are known:
    /// the provider's own calibration when it has one, else timed copies. Returns whether it measured.
    /// </summary>
    public bool EnsureCalibrated(IMemoryNodeProvider host, IMemoryNodeProvider node, TransferCalibrationOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(host);
        ArgumentNullException.ThrowIfNull(node);
        if (Get(host.Identity, node.Identity) is not null && Get(node.Identity, host.Identity) is not null)
        {
            return false;
        }

        var measured = node.Calibrate(options ?? TransferCalibrationOptions.Default) ?? Measure(node, options ?? TransferCalibrationOptions.Default);
        Set(host.Identity, node.Identity, measured.HostToNode);
        Set(node.Identity, host.Identity, measured.NodeToHost);
        return true;
    }

    /// <summary>Times <see cref="IMemoryNodeProvider.CopyAsync"/> in both directions: medians of small copies give the
    /// latency, medians of large copies (minus the latency) the bandwidth.</summary>
    public static LinkCalibration Measure(IMemoryNodeProvider node, TransferCalibrationOptions options)
    {
        ArgumentNullException.ThrowIfNull(node);
        ArgumentNullException.ThrowIfNull(options);
        long bytes = Math.Max(options.BandwidthBytes, options.LatencyBytes);
        using var hostBlock = HostAllocator.Shared.Allocate(bytes, new AllocationOptions(Zeroed: true));
        using var nodeBlock = node.Allocate(bytes);
        var hostBuffer = hostBlock.Describe(Core.Data.DataType.Byte);
        var nodeBuffer = nodeBlock.Describe(Core.Data.DataType.Byte);
        return new LinkCalibration(
            Link(node, hostBuffer, nodeBuffer, options),
            Link(node, nodeBuffer, hostBuffer, options));
    }

    /// <summary>Reads a transfer-model file; a missing file gives an empty model.</summary>
    /// <exception cref="InvalidDataException">The file is corrupt or from a newer format.</exception>
    public static TransferModel Load(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var model = new TransferModel();
        foreach (var link in ModelFiles.Read(path, ModelJsonContext.Readable.TransferModelDocument)?.Links ?? [])
        {
            if (!(link.BytesPerSecond > 0) || !(link.LatencySeconds >= 0))
            {
                throw new InvalidDataException($"Transfer model file '{path}' is corrupt (link {link.From} -> {link.To} has a non-positive bandwidth or negative latency). Delete it to recalibrate.");
            }

            model.Set(link.From, link.To, new LinkCost(link.LatencySeconds, link.BytesPerSecond));
        }

        return model;
    }

    /// <summary>Writes every link to <paramref name="path"/> atomically.</summary>
    public void Save(string path)
    {
        var document = new TransferModelDocument
        {
            FormatVersion = ModelFiles.FormatVersion,
            Host = ModelFiles.HostName,
            Links = [.. Links.Select(l => new LinkDocument
            {
                From = l.From,
                To = l.To,
                LatencySeconds = l.Cost.LatencySeconds,
                BytesPerSecond = l.Cost.BytesPerSecond,
            })],
        };
        ModelFiles.Write(path, document, ModelJsonContext.Readable.TransferModelDocument);
    }

    private static LinkCost Link(IMemoryNodeProvider node, Core.Data.PhysicalDescriptor from, Core.Data.PhysicalDescriptor to, TransferCalibrationOptions options)
    {
        double latency = MedianSeconds(node, from, to, options.LatencyBytes, options.LatencyIterations);
        double large = MedianSeconds(node, from, to, options.BandwidthBytes, options.BandwidthIterations);
        double seconds = Math.Max(large - latency, 1e-9);
        return new LinkCost(latency, options.BandwidthBytes / seconds);
    }

    private static double MedianSeconds(IMemoryNodeProvider node, Core.Data.PhysicalDescriptor from, Core.Data.PhysicalDescriptor to, long bytes, int iterations)
    {
        node.CopyAsync(from, to, bytes).GetAwaiter().GetResult(); // warm-up
        var times = new double[Math.Max(1, iterations)];
        for (int i = 0; i < times.Length; i++)
        {
            long start = Stopwatch.GetTimestamp();
            node.CopyAsync(from, to, bytes).GetAwaiter().GetResult();
            times[i] = Stopwatch.GetElapsedTime(start).TotalSeconds;
        }

        Array.Sort(times);
        return times[times.Length / 2];
    }
}
