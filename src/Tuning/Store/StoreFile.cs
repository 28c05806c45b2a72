using Oompa.Core.IO;
using System.Text.Json;
using Oompa.Tuning.Spaces;

namespace Oompa.Tuning.Store;

/// <summary>Reading, validating and atomically writing one store file.</summary>
internal static class StoreFile
{
    /// <summary>The entries of <paramref name="path"/>; an empty map when the file does not exist.</summary>
    /// <exception cref="TuningStoreException">The file is corrupt or from a newer format; it is left untouched.</exception>
    public static Dictionary<TuningStoreKey, TuningStoreEntry> Read(string path)
    {
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(path);
        }
        catch (FileNotFoundException)
        {
            return [];
        }
        catch (DirectoryNotFoundException)
        {
            return [];
        }

        StoreDocument document;
        try
        {
            using var json = JsonDocument.Parse(bytes);
            if (json.RootElement.ValueKind != JsonValueKind.Object
                || !json.RootElement.TryGetProperty("formatVersion", out var version)
                || !version.TryGetInt32(out var v) || v < 1)
            {
                throw Corrupt(path, "it has no positive integer 'formatVersion'");
            }

            if (v > TuningStore.FormatVersion)
            {
                throw new TuningStoreException(
                    $"Tuning store file '{path}' has format version {v}, but Oompa {TuningStore.OompaVersion} reads only versions up to " +
                    $"{TuningStore.FormatVersion}. It was written by a newer Oompa: upgrade, or use another store folder (OOMPA_CACHE_DIR). The file was left untouched.",
                    path);
            }

            document = json.RootElement.Deserialize(StoreJsonContext.Readable.StoreDocument)
                ?? throw Corrupt(path, "it holds null");
        }
        catch (JsonException e)
        {
            throw Corrupt(path, $"it is not valid store JSON ({e.Message})", e);
        }

        var entries = new Dictionary<TuningStoreKey, TuningStoreEntry>();
        for (var i = 0; i < document.Entries.Count; i++)
        {
            TuningStoreEntry entry;
            try
            {
                entry = ToEntry(document.Entries[i] ?? throw new ArgumentException("the entry is null"));
            }
            catch (ArgumentException e)
            {
                throw Corrupt(path, $"entry {i} is invalid ({e.Message})", e);
            }

            if (!entries.TryAdd(entry.Key, entry))
            {
                throw Corrupt(path, $"entry {i} repeats the key {entry.Key}");
            }
        }

        return entries;
    }

    /// <summary>Writes <paramref name="entries"/> to a temporary file in the same folder, flushes it to disk, and
    /// renames it over <paramref name="path"/>, so readers see either the old or the new file, never a partial one.</summary>
    public static void Write(string path, IEnumerable<TuningStoreEntry> entries)
    {
        var document = new StoreDocument
        {
            FormatVersion = TuningStore.FormatVersion,
            Entries = entries.OrderBy(e => e.Key.ToString(), StringComparer.Ordinal).Select(ToDocument).ToList(),
        };
        using var file = new AtomicFileWriter(path);
        JsonSerializer.Serialize(file.Stream, document, StoreJsonContext.Readable.StoreDocument);
        file.Commit();
    }

    private static TuningStoreEntry ToEntry(StoreEntryDocument d) => new(
        new TuningStoreKey(d.Device, d.Strategy, d.SourceHash, d.Group),
        new TuningConfiguration(d.Configuration ?? throw new ArgumentException("the configuration is null")),
        d.BestSeconds,
        d.ReferenceSeconds,
        d.Evaluations,
        d.Searcher,
        d.Timestamp,
        d.OompaVersion);

    private static StoreEntryDocument ToDocument(TuningStoreEntry e) => new()
    {
        Device = e.Key.Device,
        Strategy = e.Key.Strategy,
        SourceHash = e.Key.SourceHash,
        Group = e.Key.Group,
        Configuration = e.Configuration.ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal),
        BestSeconds = e.BestSeconds,
        ReferenceSeconds = e.ReferenceSeconds,
        Evaluations = e.Evaluations,
        Searcher = e.Searcher,
        Timestamp = e.Timestamp,
        OompaVersion = e.OompaVersion,
    };

    private static TuningStoreException Corrupt(string path, string why, Exception? inner = null) => new(
        $"Tuning store file '{path}' is corrupt: {why}. It was left untouched; repair or delete it to tune again.", path, inner);
}
