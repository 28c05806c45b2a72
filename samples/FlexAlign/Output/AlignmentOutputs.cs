using System.Text;
using Oompa.Core.Data;
using Oompa.Core.IO.Mrc;

namespace Oompa.Samples.FlexAlign.Output;

/// <summary>
/// Writes the results of one aligned movie into a folder: <c>&lt;movie&gt;.mrc</c> (the aligned sum, with the pixel
/// size), <c>&lt;movie&gt;.star</c> (<see cref="RelionMotionStar"/>), <c>&lt;movie&gt;.json</c>
/// (<see cref="AlignmentJson"/>) and <c>&lt;movie&gt;.svg</c> (<see cref="TrajectorySvg"/>). All or nothing: every file is
/// written under a hidden temporary name in the folder and renamed into place only when all four are complete; when
/// anything fails, the temporaries and the files of this call already renamed are deleted and the error is rethrown.
/// </summary>
public static class AlignmentOutputs
{
    /// <summary>The paths the outputs of <paramref name="record"/> get in <paramref name="directory"/>.</summary>
    public static AlignmentOutputPaths PathsFor(string directory, AlignmentRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        string stem = Path.Combine(Path.GetFullPath(directory), record.BaseName);
        return new AlignmentOutputPaths(stem + ".mrc", stem + ".star", stem + ".json", stem + ".svg");
    }

    /// <summary>Writes the four outputs into <paramref name="directory"/> (created when missing).</summary>
    /// <exception cref="ArgumentException">The record is inconsistent (sum size, frame count).</exception>
    /// <exception cref="IOException">A file could not be written or renamed; nothing of this call is left.</exception>
    public static AlignmentOutputPaths Write(string directory, AlignmentRecord record)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(directory);
        ArgumentNullException.ThrowIfNull(record);
        if (record.AlignedSum.Length != (long)record.Width * record.Height)
        {
            throw new ArgumentException($"The aligned sum holds {record.AlignedSum.Length} values; {record.Width}×{record.Height} needs {(long)record.Width * record.Height}.", nameof(record));
        }

        if (record.Frames < 1)
        {
            throw new ArgumentException("The record has no frames.", nameof(record));
        }

        Directory.CreateDirectory(directory);
        var paths = PathsFor(directory, record);
        using var files = new StagedFiles();
        var options = new MrcWriteOptions
        {
            PixelSize = (float)record.Settings.PixelSize,
            Labels = [Label($"Oompa FlexAlign aligned sum of {record.Frames} frames of {Path.GetFileName(record.MoviePath)}")],
        };
        MrcFile.Write(files.Stage(paths.Sum), record.AlignedSum.Span, new Size(record.Width, record.Height), options);
        RelionMotionStar.Build(record).Write(files.Stage(paths.Star));
        File.WriteAllBytes(files.Stage(paths.Json), AlignmentJson.Build(record));
        File.WriteAllText(files.Stage(paths.Svg), TrajectorySvg.Build(record), new UTF8Encoding(false));
        files.Commit();
        return paths;
    }

    // MRC labels hold at most 80 printable ASCII characters.
    private static string Label(string text)
    {
        var ascii = new string([.. text.Select(c => c is >= ' ' and <= '~' ? c : '?')]);
        return ascii.Length <= 80 ? ascii : ascii[..80];
    }
}
