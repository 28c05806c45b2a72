using System.Globalization;
using System.Numerics;
using System.Runtime.InteropServices;
using Oompa.Core.IO.Mrc;

namespace Oompa.Samples.FlexAlign.Movie;

/// <summary>
/// Per-pixel correction of raw frames: <c>frame = (raw − dark)·gain</c> (algorithms.md §1.7), either reference optional.
/// References are transformed (<see cref="GainTransform"/>) before use and must then match the frame size.
/// </summary>
public sealed class GainCorrection
{
    /// <summary>Creates a correction from in-memory references already in the movie's orientation (null: not applied).</summary>
    public GainCorrection(int width, int height, float[]? gain, float[]? dark)
    {
        long pixels = (long)width * height;
        if ((gain is not null && gain.LongLength != pixels) || (dark is not null && dark.LongLength != pixels))
        {
            throw new ArgumentException($"References must hold {width}×{height} values.");
        }

        Width = width;
        Height = height;
        Gain = gain;
        Dark = dark;
    }

    /// <summary>Frame width the references fit.</summary>
    public int Width { get; }

    /// <summary>Frame height the references fit.</summary>
    public int Height { get; }

    /// <summary>The multiplicative gain, or null.</summary>
    public float[]? Gain { get; }

    /// <summary>The subtracted dark reference, or null.</summary>
    public float[]? Dark { get; }

    /// <summary>Whether anything is applied.</summary>
    public bool IsIdentity => Gain is null && Dark is null;

    /// <summary>
    /// Loads the references from MRC files (first section of each), transforms both with <paramref name="transform"/>,
    /// and checks their size against the frames and their values for NaN/infinity.
    /// </summary>
    public static GainCorrection Load(string? gainPath, string? darkPath, GainTransform transform, int width, int height)
    {
        ArgumentNullException.ThrowIfNull(transform);
        return new GainCorrection(width, height, LoadReference(gainPath, "gain", transform, width, height), LoadReference(darkPath, "dark", transform, width, height));
    }

    /// <summary>Applies the correction to <paramref name="frames"/> (whole frames, X fastest), in place.</summary>
    public void Apply(Span<float> frames)
    {
        int pixels = Width * Height;
        for (int offset = 0; offset + pixels <= frames.Length; offset += pixels)
        {
            var frame = frames.Slice(offset, pixels);
            if (Dark is not null)
            {
                Subtract(frame, Dark);
            }

            if (Gain is not null)
            {
                Multiply(frame, Gain);
            }
        }
    }

    private static void Subtract(Span<float> frame, ReadOnlySpan<float> dark)
    {
        var f = MemoryMarshal.Cast<float, Vector<float>>(frame);
        var d = MemoryMarshal.Cast<float, Vector<float>>(dark);
        for (int i = 0; i < f.Length; i++)
        {
            f[i] -= d[i];
        }

        for (int i = f.Length * Vector<float>.Count; i < frame.Length; i++)
        {
            frame[i] -= dark[i];
        }
    }

    private static void Multiply(Span<float> frame, ReadOnlySpan<float> gain)
    {
        var f = MemoryMarshal.Cast<float, Vector<float>>(frame);
        var g = MemoryMarshal.Cast<float, Vector<float>>(gain);
        for (int i = 0; i < f.Length; i++)
        {
            f[i] *= g[i];
        }

        for (int i = f.Length * Vector<float>.Count; i < frame.Length; i++)
        {
            frame[i] *= gain[i];
        }
    }

    private static float[]? LoadReference(string? path, string what, GainTransform transform, int width, int height)
    {
        if (path is null)
        {
            return null;
        }

        MrcData<float> data;
        try
        {
            data = MrcFile.Read(path);
        }
        catch (Exception e) when (e is InvalidDataException or IOException or UnauthorizedAccessException or NotSupportedException)
        {
            throw new FlexAlignInputException($"The {what} reference cannot be read: {e.Message}", e);
        }

        var size = data.Size;
        if (size.Z * size.N != 1)
        {
            throw new FlexAlignInputException(string.Create(CultureInfo.InvariantCulture, $"The {what} reference '{path}' holds {size.Z * size.N} sections; it must be a single image."));
        }

        var (values, w, h) = transform.Apply(data.Data, size.X, size.Y);
        if (w != width || h != height)
        {
            throw new FlexAlignInputException(string.Create(CultureInfo.InvariantCulture,
                $"The {what} reference '{path}' is {w}×{h} (after rotation {transform.Rotation}, flip {transform.Flip}) but the movie frames are {width}×{height}."));
        }

        FrameChecks.ThrowIfNotFinite(values, w, h, 0, $"The {what} reference '{path}'");
        return values;
    }
}
