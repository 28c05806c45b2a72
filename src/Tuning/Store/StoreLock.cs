using System.Collections.Concurrent;

namespace Oompa.Tuning.Store;

/// <summary>
/// Exclusive access to a store file, across threads and processes. In-process writers queue on a monitor per file;
/// processes exclude each other through a lock file opened with <see cref="FileShare.None"/>, which .NET on Linux and
/// macOS maps to <c>flock(LOCK_EX | LOCK_NB)</c> on the open file (released by the kernel if the process dies) and
/// Windows to a sharing mode. The lock file is never deleted, since deleting it would let two writers lock different
/// files. Setting <c>DOTNET_SYSTEM_IO_DISABLEFILELOCKING</c> turns the <c>flock</c> off and with it the exclusion
/// between processes.
/// </summary>
internal sealed class StoreLock : IDisposable
{
    private static readonly ConcurrentDictionary<string, Lock> Gates = new(StringComparer.Ordinal);
    private readonly Lock _gate;
    private readonly FileStream _file;

    private StoreLock(Lock gate, FileStream file)
    {
        _gate = gate;
        _file = file;
    }

    /// <summary>Takes the lock for <paramref name="dataPath"/>, retrying until <paramref name="timeout"/>.</summary>
    /// <exception cref="TuningStoreException">Another writer held the lock for the whole timeout.</exception>
    public static StoreLock Acquire(string dataPath, TimeSpan timeout)
    {
        var lockPath = dataPath + ".lock";
        var gate = Gates.GetOrAdd(lockPath, _ => new Lock());
        var deadline = DateTime.UtcNow + timeout;
        if (!gate.TryEnter(timeout))
        {
            throw Timeout(lockPath, timeout, null);
        }

        try
        {
            while (true)
            {
                try
                {
                    return new StoreLock(gate, new FileStream(lockPath, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None));
                }
                catch (IOException e) when (e is not FileNotFoundException and not DirectoryNotFoundException)
                {
                    if (DateTime.UtcNow >= deadline)
                    {
                        throw Timeout(lockPath, timeout, e);
                    }

                    Thread.Sleep(Random.Shared.Next(2, 20));
                }
            }
        }
        catch
        {
            gate.Exit();
            throw;
        }
    }

    /// <summary>Releases the file lock, then the in-process gate.</summary>
    public void Dispose()
    {
        _file.Dispose();
        _gate.Exit();
    }

    private static TuningStoreException Timeout(string lockPath, TimeSpan timeout, Exception? inner) => new(
        $"Could not lock '{lockPath}' within {timeout.TotalSeconds:0.#} s: another writer holds it. " +
        "If no other Oompa process is running, the file system may not support file locks.", lockPath, inner);
}
