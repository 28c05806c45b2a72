using Oompa.Samples.FlexAlign;

namespace Oompa.Samples.Tests.Support;

/// <summary>Error measures between estimated and true shifts.</summary>
internal static class Rms
{
    /// <summary>RMS of the 2-D error over all frames: sqrt(mean(|a − b|²)).</summary>
    public static double Error(IReadOnlyList<FrameShift> estimated, IReadOnlyList<FrameShift> truth)
    {
        Assert.Equal(truth.Count, estimated.Count);
        double sum = 0;
        for (int t = 0; t < truth.Count; t++)
        {
            var d = estimated[t] - truth[t];
            sum += (d.X * d.X) + (d.Y * d.Y);
        }

        return Math.Sqrt(sum / truth.Count);
    }
}
