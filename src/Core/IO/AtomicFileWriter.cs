namespace Oompa.Core.IO;

/// <summary>
/// Writes a file atomically: the bytes go to a hidden temporary file in the destination's directory, and
/// <see cref="Commit"/> flushes it to disk and renames it over the destination (an atomic replace on POSIX file systems).
/// Disposing without a commit deletes the temporary file, so a failed or abandoned write never leaves a partial file at
/// the destination and never disturbs an existing one.
/// </summary>
public sealed class AtomicFileWriter : IDisposable
{
    private bool committed;
    private bool disposed;

    /// <summary>Creates the temporary file next to <paramref name="path"/>.</summary>
    public AtomicFileWriter(string path, int bufferSize = 1 << 16)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        DestinationPath = System.IO.Path.GetFullPath(path);
        string directory = System.IO.Path.GetDirectoryName(DestinationPath)
            ?? throw new ArgumentException($"'{path}' has no parent directory.", nameof(path));
        string name = System.IO.Path.GetFileName(DestinationPath);
        TemporaryPath = System.IO.Path.Combine(directory, $".{name}.{Guid.NewGuid():N}.tmp");
        Stream = new FileStream(TemporaryPath, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, bufferSize);
    }

    /// <summary>The file the data ends up in.</summary>
    public string DestinationPath { get; }

    /// <summary>The temporary file being written.</summary>
    public string TemporaryPath { get; }

    /// <summary>The stream over the temporary file.</summary>
    public FileStream Stream { get; }

    /// <summary>Flushes the temporary file to disk and renames it over the destination.</summary>
    public void Commit()
    {
        ObjectDisposedException.ThrowIf(disposed, this);
        if (committed)
        {
            throw new InvalidOperationException($"'{DestinationPath}' has already been committed.");
        }

        Stream.Flush(flushToDisk: true);
        Stream.Dispose();
        File.Move(TemporaryPath, DestinationPath, overwrite: true);
        committed = true;
    }

    /// <summary>Closes the temporary file and deletes it unless it was committed.</summary>
    public void Dispose()
    {
        if (disposed)
        {
            return;
        }

        disposed = true;
        Stream.Dispose();
        if (!committed)
        {
            try
            {
                File.Delete(TemporaryPath);
            }
            catch (IOException)
            {
                // Best effort: the temporary file is hidden and uniquely named; never mask the original failure.
            }
            catch (UnauthorizedAccessException)
            {
                // Same as above.
            }
        }
    }
}
