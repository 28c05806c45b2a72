namespace Oompa.Samples.FlexAlign.Movie;

/// <summary>Frames held in an array (X fastest, frame after frame), e.g. a phantom movie.</summary>
public sealed class InMemoryFrameSource : IFrameSource
{
    private readonly float[] frames;

    /// <summary>Wraps <paramref name="frames"/> of <paramref name="frameCount"/> frames of width × height.</summary>
    public InMemoryFrameSource(float[] frames, int width, int height, int frameCount)
    {
        ArgumentNullException.ThrowIfNull(frames);
        ArgumentOutOfRangeException.ThrowIfLessThan(width, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(height, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(frameCount, 1);
        if (frames.LongLength != (long)width * height * frameCount)
        {
            throw new ArgumentException($"Expected {(long)width * height * frameCount} values, got {frames.LongLength}.", nameof(frames));
        }

        this.frames = frames;
        Width = width;
        Height = height;
        FrameCount = frameCount;
    }

    /// <inheritdoc />
    public int Width { get; }

    /// <inheritdoc />
    public int Height { get; }

    /// <inheritdoc />
    public int FrameCount { get; }

    /// <inheritdoc />
    public void ReadFrames(int first, int count, Span<float> destination)
    {
        long frame = (long)Width * Height;
        if (first < 0 || count < 0 || first + count > FrameCount || destination.Length != frame * count)
        {
            throw new ArgumentOutOfRangeException(nameof(count), $"Frames {first}..{first + count - 1} of {FrameCount} into {destination.Length} floats.");
        }

        frames.AsSpan((int)(first * frame), (int)(count * frame)).CopyTo(destination);
        FrameChecks.ThrowIfNotFinite(destination, Width, Height, first, "memory");
    }
}
