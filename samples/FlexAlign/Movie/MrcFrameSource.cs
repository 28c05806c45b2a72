using System.Globalization;
using Oompa.Core.IO.Mrc;

namespace Oompa.Samples.FlexAlign.Movie;

/// <summary>
/// Frames of an MRC movie (every section is a frame), read in batches through <see cref="MrcReader"/>, with gain and
/// dark applied and checked for NaN/infinity. Opening validates the file: it must be an MRC file, complete, of a real
/// mode, with at least two frames.
/// </summary>
public sealed class MrcFrameSource : IFrameSource, IDisposable
{
    private readonly MrcReader reader;
    private readonly GainCorrection correction;

    private MrcFrameSource(MrcReader reader, GainCorrection correction)
    {
        this.reader = reader;
        this.correction = correction;
    }

    /// <summary>The movie's path.</summary>
    public string Path => reader.Path;

    /// <summary>The movie's header.</summary>
    public MrcHeader Header => reader.Header;

    /// <inheritdoc />
    public int Width => reader.Header.Nx;

    /// <inheritdoc />
    public int Height => reader.Header.Ny;

    /// <inheritdoc />
    public int FrameCount => reader.Header.Nz;

    /// <summary>Opens and validates a movie; <paramref name="gainPath"/> and <paramref name="darkPath"/> are optional.</summary>
    /// <exception cref="FlexAlignInputException">The movie or a reference is unusable (the message says why).</exception>
    public static MrcFrameSource Open(string moviePath, string? gainPath = null, string? darkPath = null, GainTransform? transform = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(moviePath);
        MrcReader reader;
        try
        {
            reader = MrcReader.Open(moviePath);
        }
        catch (FileNotFoundException e)
        {
            throw new FlexAlignInputException($"The movie '{moviePath}' does not exist.", e);
        }
        catch (Exception e) when (e is InvalidDataException or IOException or UnauthorizedAccessException or NotSupportedException)
        {
            throw new FlexAlignInputException($"The movie cannot be read: {e.Message}", e);
        }

        try
        {
            var header = reader.Header;
            if (header.Mode == MrcMode.Complex32)
            {
                throw new FlexAlignInputException($"The movie '{moviePath}' is complex (mode 4); movies must hold real values (modes 0, 1, 2, 6, 12).");
            }

            if (header.Nz < 2)
            {
                throw new FlexAlignInputException(string.Create(CultureInfo.InvariantCulture, $"The movie '{moviePath}' has {header.Nz} frame; alignment needs at least 2."));
            }

            if (!header.HasStandardAxisOrder)
            {
                throw new FlexAlignInputException($"The movie '{moviePath}' has axis order {header.MapC},{header.MapR},{header.MapS}; movies must use 1,2,3.");
            }

            var correction = GainCorrection.Load(gainPath, darkPath, transform ?? GainTransform.None, header.Nx, header.Ny);
            return new MrcFrameSource(reader, correction);
        }
        catch
        {
            reader.Dispose();
            throw;
        }
    }

    /// <inheritdoc />
    public void ReadFrames(int first, int count, Span<float> destination)
    {
        try
        {
            reader.ReadSections(first, count, destination);
        }
        catch (Exception e) when (e is InvalidDataException or IOException)
        {
            throw new FlexAlignInputException($"The movie '{Path}' cannot be read: {e.Message}", e);
        }

        FrameChecks.ThrowIfNotFinite(destination, Width, Height, first, $"The movie '{Path}' (before gain correction)");
        correction.Apply(destination);
        FrameChecks.ThrowIfNotFinite(destination, Width, Height, first, $"The movie '{Path}' (after gain correction)");
    }

    /// <inheritdoc />
    public void Dispose() => reader.Dispose();
}
