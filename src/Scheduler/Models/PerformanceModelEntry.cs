namespace Oompa.Scheduler.Models;

/// <summary>A snapshot of one history entry of a <see cref="PerformanceModel"/>.</summary>
/// <param name="Codelet">Task kind.</param>
/// <param name="Implementation">Implementation name.</param>
/// <param name="Architecture">Worker architecture.</param>
/// <param name="Footprint">Hash of the task's data sizes (or of its declared size).</param>
/// <param name="Size">The size used by the regression.</param>
/// <param name="Samples">Accepted samples in seconds, oldest first.</param>
/// <param name="Median">Median of the samples in seconds.</param>
/// <param name="Spread">Median absolute deviation in seconds.</param>
/// <param name="Trusted">Whether there are enough samples to predict from.</param>
/// <param name="Total">Samples offered.</param>
/// <param name="Rejected">Samples rejected as outliers.</param>
public sealed record PerformanceModelEntry(
    string Codelet,
    string Implementation,
    string Architecture,
    ulong Footprint,
    long Size,
    IReadOnlyList<double> Samples,
    double Median,
    double Spread,
    bool Trusted,
    long Total,
    long Rejected);
