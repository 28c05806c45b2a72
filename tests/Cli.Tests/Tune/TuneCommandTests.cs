using Oompa.Tuning.Choice;
using Oompa.Tuning.Groups;
using Oompa.Tuning.Spaces;
using Oompa.Tuning.Store;

namespace Oompa.Cli.Tests.Tune;

public sealed class TuneCommandTests : IDisposable
{
    private const string Device = "opencl|The pocl project|cpu-haswell-AMD EPYC|6.0|2";
    private readonly string folder = Path.Combine(Path.GetTempPath(), "oompa-cli-tune-tests", Guid.NewGuid().ToString("N"));

    public TuneCommandTests()
    {
        var store = new TuningStore(folder);
        store.Save(Entry("Initialization.Fill", "out.Data.Type=Float32;out.Data.Size.X=300", [new("WG_SIZE", 128), new("ITEMS", 2)], 1e-5, 2e-5));
        store.Save(Entry("Correlation.Multiply", "in.Data1.Size.X=64", [new("WG_SIZE", 64)], 3e-3, 3e-3));
        var choice = GroupSignature.Parse("out.Data.Size.X=8").With(GroupFeature.Category(StrategyChooser.StrategiesFeature, "Cpu.MultiThreaded+OpenCl.Kernels"));
        store.Save(new TuningStoreEntry(new TuningStoreKey("cpu|Test CPU|2 + " + Device, "choice:Initialization", TuningStoreKey.HashSource("names"), choice.Text),
            new TuningConfiguration([new(StrategyChooser.Parameter, 1)]), 1e-4, 3e-4, 2, "Timing", DateTimeOffset.UnixEpoch, "test"));
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (DirectoryNotFoundException)
        {
        }
    }

    [Fact]
    public void List_prints_every_entry_with_times_and_speedup()
    {
        var (code, output, error) = Run("tune", "list", "--store", folder);

        Assert.True(code == 0, error);
        var lines = output.Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries);
        Assert.Contains("speedup", lines[0], StringComparison.Ordinal);
        Assert.Contains(lines, l => l.Contains("Initialization.Fill", StringComparison.Ordinal) && l.Contains("2.00x", StringComparison.Ordinal) && l.Contains("10.00 us", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("cpu-haswell-AMD EPYC", StringComparison.Ordinal));
        Assert.Contains("3 of 3 entries", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Show_prints_one_entry_with_its_configuration()
    {
        var (code, output, error) = Run("tune", "show", "--store", folder, "--strategy", "fill");

        Assert.True(code == 0, error);
        Assert.Contains("ITEMS=2", output, StringComparison.Ordinal);
        Assert.Contains("WG_SIZE=128", output, StringComparison.Ordinal);
        Assert.Contains("out.Data.Size.X=300", output, StringComparison.Ordinal);
        Assert.Contains(Device, output, StringComparison.Ordinal);

        (code, output, _) = Run("tune", "show", "1", "--store", folder, "--strategy", "choice");
        Assert.Equal(0, code);
        Assert.Contains("OpenCl.Kernels", output, StringComparison.Ordinal);

        (code, _, error) = Run("tune", "show", "--store", folder);
        Assert.Equal(1, code);
        Assert.Contains("3 entries match", error, StringComparison.Ordinal);
        (code, _, error) = Run("tune", "show", "9", "--store", folder);
        Assert.Equal(1, code);
        Assert.Contains("no entry 9", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Clear_removes_the_selected_entries_then_everything()
    {
        var (code, output, _) = Run("tune", "clear", "--store", folder, "--strategy", "Correlation");
        Assert.Equal(0, code);
        Assert.Contains("Removed 1 entries", output, StringComparison.Ordinal);
        Assert.Equal(2, new TuningStore(folder).Entries.Count);

        (code, output, _) = Run("tune", "clear", "--store", folder);
        Assert.Equal(0, code);
        Assert.Contains("Removed 2 entries", output, StringComparison.Ordinal);
        Assert.Empty(new TuningStore(folder).Entries);

        (code, output, _) = Run("tune", "list", "--store", folder);
        Assert.Equal(0, code);
        Assert.Contains("No tuning results", output, StringComparison.Ordinal);
    }

    [Fact]
    public void A_corrupt_store_is_one_message_and_exit_code_one()
    {
        File.WriteAllText(Path.Combine(folder, TuningStore.FileName), "[]");

        var (code, output, error) = Run("tune", "list", "--store", folder);

        Assert.Equal(1, code);
        Assert.Empty(output);
        Assert.StartsWith("oompa tune: error:", error, StringComparison.Ordinal);
        Assert.Contains("corrupt", error, StringComparison.Ordinal);
    }

    private static TuningStoreEntry Entry(string strategy, string group, KeyValuePair<string, long>[] configuration, double best, double reference) =>
        new(new TuningStoreKey(Device, strategy, TuningStoreKey.HashSource(strategy), group), new TuningConfiguration(configuration), best, reference, 16, "SimulatedAnnealing", DateTimeOffset.UnixEpoch, "test");

    private static (int Code, string Output, string Error) Run(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        int code = OompaApp.Run(args, output, error);
        return (code, output.ToString(), error.ToString());
    }
}

/// <summary>The default store folder follows <c>OOMPA_CACHE_DIR</c>; run alone because it sets a process-wide variable.</summary>
[CollectionDefinition(nameof(EnvironmentCollection), DisableParallelization = true)]
public sealed class EnvironmentCollection;

[Collection(nameof(EnvironmentCollection))]
public sealed class TuneCommandEnvironmentTests
{
    [Fact]
    public void Without_store_the_store_under_oompa_cache_dir_is_used()
    {
        string cache = Path.Combine(Path.GetTempPath(), "oompa-cli-tune-env", Guid.NewGuid().ToString("N"));
        string? previous = Environment.GetEnvironmentVariable("OOMPA_CACHE_DIR");
        try
        {
            Environment.SetEnvironmentVariable("OOMPA_CACHE_DIR", cache);
            new TuningStore(Path.Combine(cache, "tuning")).Save(new TuningStoreEntry(
                new TuningStoreKey("dev", "Kernel.Env", "sha256:0", ""), TuningConfiguration.Empty, 1e-3, null, 1, "Test", DateTimeOffset.UnixEpoch, "test"));
            using var output = new StringWriter();
            using var error = new StringWriter();

            Assert.Equal(0, OompaApp.Run(["tune", "list"], output, error));
            Assert.Contains("Kernel.Env", output.ToString(), StringComparison.Ordinal);
            Assert.Contains(Path.Combine(cache, "tuning"), output.ToString(), StringComparison.Ordinal);
        }
        finally
        {
            Environment.SetEnvironmentVariable("OOMPA_CACHE_DIR", previous);
            Directory.Delete(cache, recursive: true);
        }
    }
}
