using Oompa.Core.Devices.OpenCl;

namespace Oompa.Benchmarks.OpenCl;

/// <summary>
/// Times work enqueued on a device queue with profiling markers, so the figure is device time (launch latency of the
/// host excluded): a marker before, the work, a marker after, and the difference of the markers' end times. Warm-up
/// runs are discarded; the median of the rest is reported.
/// </summary>
internal static class DeviceTimer
{
    public static double MedianSeconds(OpenClQueue queue, Action enqueue, int warmup = 3, int iterations = 15)
    {
        var samples = new List<double>(iterations);
        for (int i = 0; i < warmup + iterations; i++)
        {
            using var before = queue.Marker();
            enqueue();
            using var after = queue.Marker();
            ulong start = before.Times().Ended;
            ulong end = after.Times().Ended;
            if (i >= warmup)
            {
                samples.Add((end - start) / 1e9);
            }
        }

        samples.Sort();
        return samples[samples.Count / 2];
    }

    /// <summary>Median wall time of <paramref name="action"/> (which must finish its work before returning).</summary>
    public static double WallMedianSeconds(Action action, int warmup = 3, int iterations = 10)
    {
        var samples = new List<double>(iterations);
        for (int i = 0; i < warmup + iterations; i++)
        {
            var watch = System.Diagnostics.Stopwatch.StartNew();
            action();
            if (i >= warmup)
            {
                samples.Add(watch.Elapsed.TotalSeconds);
            }
        }

        samples.Sort();
        return samples[samples.Count / 2];
    }
}
