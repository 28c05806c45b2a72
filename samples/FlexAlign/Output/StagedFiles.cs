namespace Oompa.Samples.FlexAlign.Output;

/// <summary>
/// All-or-nothing writing of several files into one folder: each file is first written under a hidden temporary name
/// in the destination folder, and only when every one is complete are they renamed into place. When anything fails
/// (a write, or a rename), the temporaries and the files this instance already renamed are deleted.
/// </summary>
internal sealed class StagedFiles : IDisposable
{
    private readonly List<(string Temporary, string Destination)> staged = [];
    private readonly List<string> renamed = [];
    private bool committed;

    /// <summary>A new hidden temporary path next to <paramref name="destination"/>, to be renamed on commit.</summary>
    public string Stage(string destination)
    {
        string full = Path.GetFullPath(destination);
        string directory = Path.GetDirectoryName(full) ?? throw new ArgumentException($"'{destination}' has no parent folder.", nameof(destination));
        string temporary = Path.Combine(directory, $".{Path.GetFileName(full)}.{Guid.NewGuid():N}.tmp");
        staged.Add((temporary, full));
        return temporary;
    }

    /// <summary>Renames every staged file into place; on a failure removes what this instance renamed, and rethrows.</summary>
    public void Commit()
    {
        try
        {
            foreach (var (temporary, destination) in staged)
            {
                File.Move(temporary, destination, overwrite: true);
                renamed.Add(destination);
            }

            committed = true;
        }
        catch
        {
            foreach (string path in renamed)
            {
                TryDelete(path);
            }

            throw;
        }
    }

    /// <summary>Deletes the temporaries left (all of them unless committed).</summary>
    public void Dispose()
    {
        if (committed)
        {
            return;
        }

        foreach (var (temporary, _) in staged)
        {
            TryDelete(temporary);
        }
    }

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (IOException)
        {
            // Best effort: never mask the original failure.
        }
        catch (UnauthorizedAccessException)
        {
            // Same as above.
        }
    }
}
