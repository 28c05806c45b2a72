using System.Diagnostics;
using Oompa.Tuning.Store;
using Oompa.Tuning.Tests.Support;

namespace Oompa.Tuning.Tests.Store;

/// <summary>
/// Concurrent writers never lose each other's entries. Separate processes exclude each other through the lock file:
/// .NET opens it with FileShare.None, which on Linux is flock(LOCK_EX | LOCK_NB) on the open file description, so
/// two opens conflict even inside one process (verified with strace and the in-process test below).
/// </summary>
public class StoreConcurrencyTests
{
    [Fact]
    public void Two_opens_of_the_lock_file_exclude_each_other_even_in_one_process()
    {
        using var dir = new TempDirectory();
        var path = Path.Combine(dir.Path, "x.lock");
        using var first = new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        Assert.Throws<IOException>(() => new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None));
    }

    [Fact]
    public void A_held_lock_makes_save_time_out_with_a_clear_error_and_no_damage()
    {
        using var dir = new TempDirectory();
        var store = new TuningStore(dir.Path, TimeSpan.FromMilliseconds(200));
        store.Save(Program.Entry("a", 1));
        var before = File.ReadAllText(store.FilePath);
        using (new FileStream(store.FilePath + ".lock", FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None))
        {
            var e = Assert.Throws<TuningStoreException>(() => store.Save(Program.Entry("b", 2)));
            Assert.Contains(".lock", e.Message, StringComparison.Ordinal);
        }

        Assert.Equal(before, File.ReadAllText(store.FilePath));
        store.Save(Program.Entry("b", 2));
        Assert.Equal(2, new TuningStore(dir.Path).Entries.Count);
    }

    [Fact]
    public void Threads_with_separate_store_instances_keep_every_entry()
    {
        using var dir = new TempDirectory();
        const int threads = 4, each = 10;
        Parallel.For(0, threads, new ParallelOptions { MaxDegreeOfParallelism = threads }, t =>
        {
            var store = new TuningStore(dir.Path);
            for (var i = 0; i < each; i++)
            {
                store.Save(Program.Entry($"t{t}-{i}", i));
            }
        });
        var entries = new TuningStore(dir.Path).Entries;
        Assert.Equal(threads * each, entries.Count);
        Assert.Empty(Directory.GetFiles(dir.Path, "*.tmp"));
    }

    [Fact]
    public async Task Separate_processes_writing_at_once_keep_every_entry()
    {
        using var dir = new TempDirectory();
        const int each = 12;
        var assembly = typeof(Program).Assembly.Location;
        var host = DotnetHost();
        var children = Enumerable.Range(0, 2).Select(p =>
        {
            var info = new ProcessStartInfo(host) { RedirectStandardError = true, UseShellExecute = false };
            foreach (var a in new[] { assembly, "store-writer", dir.Path, $"p{p}", each.ToString(System.Globalization.CultureInfo.InvariantCulture) })
            {
                info.ArgumentList.Add(a);
            }

            return Process.Start(info)!;
        }).ToList();

        var barrier = Path.Combine(dir.Path, "barrier");
        using (var ready = new CancellationTokenSource(TimeSpan.FromSeconds(60)))
        {
            while (Enumerable.Range(0, 2).Any(p => !File.Exists(Path.Combine(barrier, $"ready-p{p}"))))
            {
                Assert.False(children.Any(c => c.HasExited), "a store writer exited before the barrier");
                await Task.Delay(5, ready.Token);
            }
        }

        await File.WriteAllTextAsync(Path.Combine(barrier, "go"), "");
        var own = new TuningStore(dir.Path);
        for (var i = 0; i < each; i++)
        {
            own.Save(Program.Entry($"self-{i}", i));
        }

        foreach (var child in children)
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(120));
            var stderr = child.StandardError.ReadToEndAsync(timeout.Token);
            await child.WaitForExitAsync(timeout.Token);
            Assert.True(child.ExitCode == 0, $"store writer failed ({child.ExitCode}): {await stderr}");
            child.Dispose();
        }

        var entries = new TuningStore(dir.Path).Entries;
        Assert.Equal(3 * each, entries.Count);
        Assert.Equal(3 * each, entries.Select(e => e.Key.Group).Distinct().Count());
        Assert.Empty(Directory.GetFiles(dir.Path, "*.tmp"));
    }

    /// <summary>The dotnet host: the one the SDK names, the one running this test host, or the one on PATH.</summary>
    private static string DotnetHost()
    {
        if (Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } named && File.Exists(named))
        {
            return named;
        }

        var current = Environment.ProcessPath;
        return current is not null && Path.GetFileNameWithoutExtension(current) == "dotnet" ? current : "dotnet";
    }
}
