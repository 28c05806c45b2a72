using Oompa.Samples.FlexAlign.Local;

namespace Oompa.Samples.FlexAlign.LocalAlignment;

/// <summary>
/// Cuts patch stacks (algorithms.md §1.6): the frames, already compensated by their global shift, are held in memory;
/// patch frame t of a patch is the mean of the patch over frames t − h … t + h (cut at the movie ends).
/// </summary>
internal sealed class PatchStack
{
    private readonly float[] frames;
    private readonly int width;
    private readonly int height;
    private readonly int count;
    private readonly int half;

    private PatchStack(float[] frames, int width, int height, int count, int averaging)
    {
        this.frames = frames;
        this.width = width;
        this.height = height;
        this.count = count;
        half = (averaging - 1) / 2;
    }

    /// <summary>
    /// Reads every frame and compensates it by its global corrective shift c (corrected(p) = frame(p − c), bilinear,
    /// border clamped), one frame at a time.
    /// </summary>
    public static PatchStack Load(Movie.IFrameSource source, IReadOnlyList<FrameShift> corrective, int averaging, ParallelOptions parallel, CancellationToken cancellationToken)
    {
        int w = source.Width;
        int h = source.Height;
        long pixels = (long)w * h;
        var store = new float[checked(pixels * source.FrameCount)];
        var raw = new float[pixels];
        for (int t = 0; t < source.FrameCount; t++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            source.ReadFrames(t, 1, raw);
            var c = corrective[t];
            LocalShiftResampler.Apply(ShiftField.Constant(w, h, c.X, c.Y), raw, store.AsSpan((int)(t * pixels), (int)pixels), parallel);
        }

        return new PatchStack(store, w, h, source.FrameCount, averaging);
    }

    /// <summary>Writes the averaged stack of <paramref name="patch"/> (frame after frame) into <paramref name="destination"/>.</summary>
    public void Cut(Patch patch, Span<float> destination)
    {
        long pixels = (long)width * height;
        int area = patch.Width * patch.Height;
        for (int t = 0; t < count; t++)
        {
            var target = destination.Slice(t * area, area);
            target.Clear();
            int first = Math.Max(0, t - half);
            int last = Math.Min(count - 1, t + half);
            float weight = 1f / (last - first + 1);
            for (int k = first; k <= last; k++)
            {
                for (int y = 0; y < patch.Height; y++)
                {
                    long start = (k * pixels) + ((long)(patch.OriginY + y) * width) + patch.OriginX;
                    var row = frames.AsSpan((int)start, patch.Width);
                    var output = target.Slice(y * patch.Width, patch.Width);
                    for (int x = 0; x < row.Length; x++)
                    {
                        output[x] += row[x] * weight;
                    }
                }
            }
        }
    }
}
