using System.Globalization;

namespace Oompa.Scheduler.Nodes;

/// <summary>The cost of moving bytes over one directed link: a fixed latency plus bytes over a bandwidth.</summary>
/// <param name="LatencySeconds">Seconds of a transfer of zero bytes.</param>
/// <param name="BytesPerSecond">Sustained bandwidth; positive infinity for a free link.</param>
public readonly record struct LinkCost(double LatencySeconds, double BytesPerSecond)
{
    /// <summary>A link that costs nothing (a node to itself).</summary>
    public static LinkCost Free { get; } = new(0, double.PositiveInfinity);

    /// <summary>Seconds to move <paramref name="bytes"/> bytes.</summary>
    public double Seconds(long bytes) => bytes <= 0 ? 0 : LatencySeconds + (bytes / BytesPerSecond);

    /// <summary>Formats as latency and bandwidth.</summary>
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{LatencySeconds * 1e6:F1} us + {BytesPerSecond / 1e9:F2} GB/s");
}
