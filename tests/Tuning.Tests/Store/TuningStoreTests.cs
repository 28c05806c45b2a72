using Oompa.Tuning.Searchers;
using Oompa.Tuning.Spaces;
using Oompa.Tuning.StopConditions;
using Oompa.Tuning.Store;
using Oompa.Tuning.Tests.Support;

namespace Oompa.Tuning.Tests.Store;

public class TuningStoreTests
{
    [Fact]
    public void Saved_entries_load_back_in_a_new_store()
    {
        using var dir = new TempDirectory();
        var folder = Path.Combine(dir.Path, "nested", "tuning");
        var store = new TuningStore(folder);
        Assert.Empty(store.Entries);
        Assert.False(File.Exists(store.FilePath));

        var result = Tuner.Run(Landscape.Space(), new SimulatedAnnealingSearcher(), Stop.AfterCount(40), Landscape.Measure, seed: 1);
        var key = new TuningStoreKey("Vendor GPU | driver 1", "OpenCl.Fft", TuningStoreKey.HashSource("__kernel void f() {}"), "N=4096");
        var entry = TuningStoreEntry.FromResult(key, result, DateTimeOffset.UnixEpoch);
        store.Save(entry);
        store.Save(Program.Entry("other", 3));

        var reopened = new TuningStore(folder);
        Assert.Equal(2, reopened.Entries.Count);
        Assert.True(reopened.TryGet(key, out var loaded));
        Assert.Equal(entry, loaded);
        Assert.Equal(result.Best, loaded.Configuration);
        Assert.Equal(result.BestSeconds, loaded.BestSeconds);
        Assert.Equal(result.ReferenceSeconds, loaded.ReferenceSeconds);
        Assert.Equal(40, loaded.Evaluations);
        Assert.Equal("SimulatedAnnealing", loaded.Searcher);
        Assert.Equal(TuningStore.OompaVersion, loaded.OompaVersion);
        Assert.Empty(Directory.GetFiles(folder, "*.tmp", SearchOption.AllDirectories));
        Assert.Contains("\"formatVersion\": 1", File.ReadAllText(reopened.FilePath), StringComparison.Ordinal);
    }

    [Fact]
    public void Keep_faster_merges_and_replace_overwrites()
    {
        using var dir = new TempDirectory();
        var store = new TuningStore(dir.Path);
        var fast = Program.Entry("g", 1, seconds: 1e-3);
        var slow = Program.Entry("g", 2, seconds: 2e-3);
        Assert.Equal(fast, store.Save(fast));
        Assert.Equal(fast, store.Save(slow));
        Assert.Equal(slow, store.Save(slow, StoreWriteMode.Replace));
        Assert.True(new TuningStore(dir.Path).TryGet(slow.Key, out var now));
        Assert.Equal(slow, now);
    }

    [Fact]
    public void Source_hash_is_portable_sha256()
    {
        Assert.Equal("sha256:e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855", TuningStoreKey.HashSource(""));
        Assert.NotEqual(TuningStoreKey.HashSource("a\n"), TuningStoreKey.HashSource("a\r\n"));
    }

    [Fact]
    public void Results_with_no_success_cannot_be_stored()
    {
        var result = Tuner.Run(Landscape.Space(), new RandomSearcher(), Stop.AfterCount(2), _ => TuningMeasurement.Failure(TuningStatus.ComputationFailed, "x"));
        Assert.Throws<ArgumentException>(() => TuningStoreEntry.FromResult(Program.Entry("g", 0).Key, result, DateTimeOffset.UnixEpoch));
    }

    [Theory]
    [InlineData("{ not json")]
    [InlineData("[]")]
    [InlineData("{\"entries\": []}")]
    [InlineData("{\"formatVersion\": 1, \"entries\": [{\"device\": \"d\"}]}")]
    [InlineData("{\"formatVersion\": 1, \"entries\": [{\"device\": \"d\", \"strategy\": \"s\", \"sourceHash\": \"h\", \"group\": \"\", \"configuration\": {\"A\": 1}, \"bestSeconds\": -1, \"evaluations\": 1, \"searcher\": \"R\", \"timestamp\": \"2025-01-01T00:00:00Z\", \"oompaVersion\": \"1\"}]}")]
    public void Corrupt_files_are_reported_by_path_and_left_untouched(string content)
    {
        using var dir = new TempDirectory();
        var path = Path.Combine(dir.Path, TuningStore.FileName);
        File.WriteAllText(path, content);
        var e = Assert.Throws<TuningStoreException>(() => new TuningStore(dir.Path));
        Assert.Contains(path, e.Message, StringComparison.Ordinal);
        Assert.Contains("corrupt", e.Message, StringComparison.Ordinal);
        Assert.Equal(path, e.FilePath);
        Assert.Equal(content, File.ReadAllText(path));
    }

    [Fact]
    public void A_file_corrupted_after_opening_is_not_overwritten_by_save()
    {
        using var dir = new TempDirectory();
        var store = new TuningStore(dir.Path);
        store.Save(Program.Entry("a", 1));
        File.WriteAllText(store.FilePath, "garbage");
        Assert.Throws<TuningStoreException>(() => store.Save(Program.Entry("b", 2)));
        Assert.Equal("garbage", File.ReadAllText(store.FilePath));
        Assert.Throws<TuningStoreException>(store.Reload);
    }

    [Fact]
    public void Future_versions_are_refused_with_a_clear_error()
    {
        using var dir = new TempDirectory();
        var path = Path.Combine(dir.Path, TuningStore.FileName);
        const string content = "{\"formatVersion\": 2, \"entries\": [], \"shards\": {}}";
        File.WriteAllText(path, content);
        var e = Assert.Throws<TuningStoreException>(() => new TuningStore(dir.Path));
        Assert.Contains(path, e.Message, StringComparison.Ordinal);
        Assert.Contains("format version 2", e.Message, StringComparison.Ordinal);
        Assert.Contains("newer Oompa", e.Message, StringComparison.Ordinal);
        Assert.Equal(content, File.ReadAllText(path));
    }

    [Fact]
    public void Default_directory_follows_the_environment()
    {
        var home = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
        Assert.Equal(Path.Combine("/c", "tuning"), TuningStore.DefaultDirectory(n => n == "OOMPA_CACHE_DIR" ? "/c" : "/x"));
        Assert.Equal(Path.Combine("/x", "oompa", "tuning"), TuningStore.DefaultDirectory(n => n == "XDG_CACHE_HOME" ? "/x" : ""));
        var expected = home.Length > 0 ? Path.Combine(home, ".cache", "oompa", "tuning") : Path.Combine(Path.GetTempPath(), "oompa", "tuning");
        Assert.Equal(expected, TuningStore.DefaultDirectory(_ => null));
        Assert.True(Path.IsPathRooted(TuningStore.DefaultDirectory(_ => null)));
    }

    [Fact]
    public void Keys_and_entries_validate()
    {
        Assert.ThrowsAny<ArgumentException>(() => new TuningStoreKey("", "s", "h", "g"));
        var key = new TuningStoreKey("d", "s", "h", "");
        Assert.Equal("d | s | h | ", key.ToString());
        Assert.Throws<ArgumentOutOfRangeException>(() => new TuningStoreEntry(key, TuningConfiguration.Empty, double.NaN, null, 1, "R", DateTimeOffset.UnixEpoch, "1"));
        Assert.Throws<ArgumentOutOfRangeException>(() => new TuningStoreEntry(key, TuningConfiguration.Empty, 1, -1, 1, "R", DateTimeOffset.UnixEpoch, "1"));
    }
}
