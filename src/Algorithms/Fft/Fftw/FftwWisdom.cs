using Oompa.Core.Configuration;

namespace Oompa.Algorithms.Fft.Fftw;

/// <summary>
/// A wisdom file: FFTW's record of measured plans. Import and export are planner calls, so only
/// <see cref="FftwPlanner"/> calls <see cref="Import"/> and <see cref="Export"/>, under its lock. Export writes a
/// temporary file next to the target and renames it, so concurrent processes never read a half-written file.
/// </summary>
internal sealed class FftwWisdom(string path)
{
    /// <summary>The per-host wisdom file in the user's cache folder.</summary>
    public static FftwWisdom Default { get; } = new(System.IO.Path.Combine(DefaultDirectory(), $"fftw-wisdom-{Environment.MachineName}"));

    /// <summary>The wisdom file.</summary>
    public string Path { get; } = path;

    /// <summary>The user cache folder (see <see cref="OompaPaths.CacheDirectory"/>).</summary>
    public static string DefaultDirectory() => OompaPaths.CacheDirectory;

    /// <summary>Merges the file's wisdom into FFTW's; false when there is no file or FFTW rejects it.</summary>
    internal bool Import() => File.Exists(Path) && FftwNative.fftwf_import_wisdom_from_filename(Path) != 0;

    /// <summary>Writes FFTW's wisdom to the file atomically; false when the folder or file cannot be written.</summary>
    internal bool Export()
    {
        string temp = $"{Path}.{Environment.ProcessId}.{Guid.NewGuid():N}.tmp";
        try
        {
            string? folder = System.IO.Path.GetDirectoryName(Path);
            if (!string.IsNullOrEmpty(folder))
            {
                Directory.CreateDirectory(folder);
            }

            if (FftwNative.fftwf_export_wisdom_to_filename(temp) == 0)
            {
                return false;
            }

            File.Move(temp, Path, overwrite: true);
            return true;
        }
        catch (IOException)
        {
            return false;
        }
        catch (UnauthorizedAccessException)
        {
            return false;
        }
        finally
        {
            TryDelete(temp);
        }
    }

    private static void TryDelete(string file)
    {
        try
        {
            if (File.Exists(file))
            {
                File.Delete(file);
            }
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
