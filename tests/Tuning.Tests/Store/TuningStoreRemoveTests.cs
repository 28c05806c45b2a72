using Oompa.Tuning.Store;
using Oompa.Tuning.Tests.Support;

namespace Oompa.Tuning.Tests.Store;

public class TuningStoreRemoveTests
{
    [Fact]
    public void Remove_deletes_matching_entries_atomically_and_other_instances_see_it_after_reload()
    {
        using var dir = new TempDirectory();
        var store = new TuningStore(dir.Path);
        foreach (var name in new[] { "alpha-1", "alpha-2", "beta-1" })
        {
            store.Save(Program.Entry(name, 1));
        }

        var other = new TuningStore(dir.Path);
        var removed = store.Remove(e => e.Key.Group.StartsWith("alpha", StringComparison.Ordinal));

        Assert.Equal(["alpha-1", "alpha-2"], removed.Select(e => e.Key.Group));
        Assert.Equal("beta-1", Assert.Single(store.Entries).Key.Group);
        Assert.Equal(3, other.Entries.Count);
        other.Reload();
        Assert.Single(other.Entries);
        Assert.Empty(Directory.GetFiles(dir.Path, "*.tmp"));
        Assert.Empty(store.Remove(_ => false));
    }

    [Fact]
    public void Remove_without_a_file_removes_nothing_and_creates_nothing()
    {
        using var dir = new TempDirectory();
        var store = new TuningStore(Path.Combine(dir.Path, "none"));

        Assert.Empty(store.Remove(_ => true));
        Assert.False(File.Exists(store.FilePath));
    }
}
