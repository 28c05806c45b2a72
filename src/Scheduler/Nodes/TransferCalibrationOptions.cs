namespace Oompa.Scheduler.Nodes;

/// <summary>
/// How the runtime measures a link when its provider does not (StarPU times 32 MiB x 32 copies for bandwidth and 32 small
/// copies for latency; the defaults here are smaller so that a first run stays short).
/// </summary>
/// <param name="BandwidthBytes">Bytes of each bandwidth copy.</param>
/// <param name="BandwidthIterations">Bandwidth copies per direction; the median is kept.</param>
/// <param name="LatencyBytes">Bytes of each latency copy.</param>
/// <param name="LatencyIterations">Latency copies per direction; the median is kept.</param>
public sealed record TransferCalibrationOptions(
    long BandwidthBytes = 16L << 20,
    int BandwidthIterations = 5,
    long LatencyBytes = 8,
    int LatencyIterations = 16)
{
    /// <summary>The defaults.</summary>
    public static TransferCalibrationOptions Default { get; } = new();
}
