namespace Oompa.Samples.FlexAlign.Movie;

/// <summary>
/// Where frames come from: a movie file with gain and dark applied, or memory. Frames are read in batches so a whole
/// movie never needs to be resident at once.
/// </summary>
public interface IFrameSource
{
    /// <summary>Frame width in pixels.</summary>
    int Width { get; }

    /// <summary>Frame height in pixels.</summary>
    int Height { get; }

    /// <summary>Number of frames.</summary>
    int FrameCount { get; }

    /// <summary>
    /// Copies frames <paramref name="first"/> .. first+count−1 (X fastest) into <paramref name="destination"/>, which
    /// holds exactly count·Width·Height floats. Throws <see cref="FlexAlignInputException"/> for unusable data.
    /// </summary>
    void ReadFrames(int first, int count, Span<float> destination);
}
