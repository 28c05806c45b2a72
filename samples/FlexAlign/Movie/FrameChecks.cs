using System.Globalization;
using Oompa.Core.IO.Mrc;

namespace Oompa.Samples.FlexAlign.Movie;

/// <summary>Checks shared by the frame sources.</summary>
internal static class FrameChecks
{
    /// <summary>Throws when a frame holds NaN or infinity, naming the frame (1-based) and the pixel.</summary>
    public static void ThrowIfNotFinite(ReadOnlySpan<float> frames, int width, int height, int first, string source)
    {
        long index = NonFiniteValues.IndexOfFirst(frames);
        if (index < 0)
        {
            return;
        }

        long perFrame = (long)width * height;
        int frame = first + (int)(index / perFrame) + 1;
        long inFrame = index % perFrame;
        string what = float.IsNaN(frames[(int)index]) ? "NaN" : "an infinite value";
        throw new FlexAlignInputException(string.Create(CultureInfo.InvariantCulture,
            $"{source}: frame {frame} holds {what} at x={inFrame % width}, y={inFrame / width}; frames must be finite."));
    }
}
