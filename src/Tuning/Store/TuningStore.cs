using Oompa.Core.Configuration;
using System.Diagnostics.CodeAnalysis;
using System.Reflection;

namespace Oompa.Tuning.Store;

/// <summary>
/// Persistent tuning results: one versioned JSON file (<see cref="FileName"/>) in a store folder, keyed by
/// <see cref="TuningStoreKey"/>. The file is read when the store is opened; every <see cref="Save"/> re-reads it under
/// an exclusive lock, merges the new entry into what other processes wrote meanwhile, and replaces the file atomically,
/// so concurrent processes never lose each other's entries and readers never see a partial file. A corrupt file or a
/// file from a newer format is reported with its path and never overwritten.
/// </summary>
public sealed class TuningStore
{
    /// <summary>The format version this Oompa writes and the newest it reads.</summary>
    public const int FormatVersion = 1;

    /// <summary>The name of the store file inside the store folder.</summary>
    public const string FileName = "tuning-store.json";

    private readonly Lock _sync = new();
    private readonly TimeSpan _lockTimeout;
    private Dictionary<TuningStoreKey, TuningStoreEntry> _entries;

    /// <summary>Opens the store in <paramref name="directory"/> and loads its file, if any (the folder is created on first save).</summary>
    /// <param name="directory">The store folder.</param>
    /// <param name="lockTimeout">How long <see cref="Save"/> waits for other writers; 10 s by default.</param>
    /// <exception cref="TuningStoreException">The file is corrupt or from a newer format.</exception>
    public TuningStore(string directory, TimeSpan? lockTimeout = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(directory);
        Directory = Path.GetFullPath(directory);
        FilePath = Path.Combine(Directory, FileName);
        _lockTimeout = lockTimeout ?? TimeSpan.FromSeconds(10);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(_lockTimeout, TimeSpan.Zero, nameof(lockTimeout));
        _entries = StoreFile.Read(FilePath);
    }

    /// <summary>The version of this Oompa build, recorded in every entry.</summary>
    public static string OompaVersion { get; } =
        typeof(TuningStore).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
        ?? typeof(TuningStore).Assembly.GetName().Version?.ToString()
        ?? "unknown";

    /// <summary>The store folder.</summary>
    public string Directory { get; }

    /// <summary>The store file.</summary>
    public string FilePath { get; }

    /// <summary>The entries as last loaded or saved by this instance.</summary>
    public IReadOnlyCollection<TuningStoreEntry> Entries
    {
        get
        {
            lock (_sync)
            {
                return _entries.Values.ToArray();
            }
        }
    }

    /// <summary>The default store folder: <c>tuning</c> under the user cache folder (<see cref="OompaPaths.CacheDirectory"/>).</summary>
    /// <param name="environment">Reads an environment variable; <see cref="Environment.GetEnvironmentVariable(string)"/> by default.</param>
    public static string DefaultDirectory(Func<string, string?>? environment = null) =>
        Path.Combine(OompaPaths.UserCacheRoot(environment ?? Environment.GetEnvironmentVariable), "tuning");

    /// <summary>Opens the store in <see cref="DefaultDirectory"/>.</summary>
    public static TuningStore OpenDefault() => new(DefaultDirectory());

    /// <summary>Gets the entry for <paramref name="key"/>, if one was loaded or saved.</summary>
    public bool TryGet(TuningStoreKey key, [NotNullWhen(true)] out TuningStoreEntry? entry)
    {
        ArgumentNullException.ThrowIfNull(key);
        lock (_sync)
        {
            return _entries.TryGetValue(key, out entry);
        }
    }

    /// <summary>Re-reads the file, picking up entries other processes saved.</summary>
    /// <exception cref="TuningStoreException">The file is corrupt or from a newer format.</exception>
    public void Reload()
    {
        var entries = StoreFile.Read(FilePath);
        lock (_sync)
        {
            _entries = entries;
        }
    }

    /// <summary>
    /// Stores <paramref name="entry"/>: under the file lock, re-reads the file, merges the entry by
    /// <paramref name="mode"/>, and atomically replaces the file. Also refreshes <see cref="Entries"/>.
    /// </summary>
    /// <returns>The entry now stored under the key (the older one when it was faster and the mode keeps the faster).</returns>
    /// <exception cref="TuningStoreException">The lock timed out, or the file on disk is corrupt or from a newer format.</exception>
    public TuningStoreEntry Save(TuningStoreEntry entry, StoreWriteMode mode = StoreWriteMode.KeepFaster)
    {
        ArgumentNullException.ThrowIfNull(entry);
        System.IO.Directory.CreateDirectory(Directory);
        Dictionary<TuningStoreKey, TuningStoreEntry> entries;
        TuningStoreEntry stored;
        using (StoreLock.Acquire(FilePath, _lockTimeout))
        {
            entries = StoreFile.Read(FilePath);
            stored = mode == StoreWriteMode.KeepFaster && entries.TryGetValue(entry.Key, out var old) && old.BestSeconds <= entry.BestSeconds
                ? old
                : entry;
            entries[entry.Key] = stored;
            StoreFile.Write(FilePath, entries.Values);
        }

        lock (_sync)
        {
            _entries = entries;
        }

        return stored;
    }

    /// <summary>
    /// Removes every entry that <paramref name="match"/> selects: under the file lock, re-reads the file, removes the
    /// matching entries and atomically replaces the file (left alone when nothing matches). Also refreshes
    /// <see cref="Entries"/>.
    /// </summary>
    /// <returns>The entries removed.</returns>
    /// <exception cref="TuningStoreException">The lock timed out, or the file on disk is corrupt or from a newer format.</exception>
    public IReadOnlyList<TuningStoreEntry> Remove(Func<TuningStoreEntry, bool> match)
    {
        ArgumentNullException.ThrowIfNull(match);
        if (!File.Exists(FilePath))
        {
            Reload();
            return [];
        }

        Dictionary<TuningStoreKey, TuningStoreEntry> entries;
        List<TuningStoreEntry> removed;
        using (StoreLock.Acquire(FilePath, _lockTimeout))
        {
            entries = StoreFile.Read(FilePath);
            removed = [.. entries.Values.Where(match).OrderBy(e => e.Key.ToString(), StringComparer.Ordinal)];
            if (removed.Count > 0)
            {
                foreach (var entry in removed)
                {
                    entries.Remove(entry.Key);
                }

                StoreFile.Write(FilePath, entries.Values);
            }
        }

        lock (_sync)
        {
            _entries = entries;
        }

        return removed;
    }
}
