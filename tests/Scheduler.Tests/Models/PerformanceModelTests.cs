using System.Text.Json;
using Oompa.Scheduler.Models;

namespace Oompa.Scheduler.Tests.Models;

public class PerformanceModelTests
{
    private const string Codelet = "fft";
    private const string Implementation = "Cpu.MultiThreaded";
    private const string Architecture = "cpu|test|4c";

    [Fact]
    public void A_prediction_needs_the_minimum_number_of_samples_then_is_the_median()
    {
        var model = new PerformanceModel(new ModelOptions { MinimumSamples = 5 });
        double[] samples = [1.0, 1.2, 0.9, 1.1];
        foreach (double s in samples)
        {
            model.Record(Codelet, Implementation, Architecture, 7, 100, s);
            Assert.True(double.IsNaN(model.Predict(Codelet, Implementation, Architecture, 7, 100)));
        }

        model.Record(Codelet, Implementation, Architecture, 7, 100, 1.05);
        Assert.Equal(1.05, model.Predict(Codelet, Implementation, Architecture, 7, 100), 12);
        var entry = Assert.Single(model.Entries);
        Assert.True(entry.Trusted);
        Assert.Equal(0.05, entry.Spread, 12); // |x - 1.05| sorted: 0, 0.05, 0.05, 0.15, 0.15
    }

    [Fact]
    public void One_timing_spike_is_rejected_and_does_not_move_the_prediction()
    {
        var model = new PerformanceModel(new ModelOptions { MinimumSamples = 10 });
        var random = new Random(3);
        for (int i = 0; i < 20; i++)
        {
            model.Record(Codelet, Implementation, Architecture, 1, 10, 190e-6 * (1 + (0.02 * random.NextDouble())));
        }

        double before = model.Predict(Codelet, Implementation, Architecture, 1, 10);
        Assert.False(model.Record(Codelet, Implementation, Architecture, 1, 10, 80e-3));
        Assert.Equal(before, model.Predict(Codelet, Implementation, Architecture, 1, 10));
        Assert.Equal(1, model.Entries[0].Rejected);
        Assert.DoesNotContain(80e-3, model.Entries[0].Samples);
    }

    [Fact]
    public void A_lasting_change_replaces_the_history_after_consecutive_outliers()
    {
        var model = new PerformanceModel(new ModelOptions { MinimumSamples = 4, ShiftAfter = 3 });
        for (int i = 0; i < 10; i++)
        {
            model.Record(Codelet, Implementation, Architecture, 1, 10, 1e-3);
        }

        model.Record(Codelet, Implementation, Architecture, 1, 10, 5e-3);
        model.Record(Codelet, Implementation, Architecture, 1, 10, 5e-3);
        Assert.Equal(1e-3, model.Predict(Codelet, Implementation, Architecture, 1, 10));
        model.Record(Codelet, Implementation, Architecture, 1, 10, 5e-3);
        Assert.True(double.IsNaN(model.Predict(Codelet, Implementation, Architecture, 1, 10)), "3 samples after the shift are fewer than the minimum");
        model.Record(Codelet, Implementation, Architecture, 1, 10, 5e-3);
        Assert.Equal(5e-3, model.Predict(Codelet, Implementation, Architecture, 1, 10));
    }

    [Fact]
    public void The_regression_predicts_unseen_sizes_within_its_range()
    {
        var model = new PerformanceModel(new ModelOptions { MinimumSamples = 3, RegressionExtrapolation = 2 });
        foreach (long n in new long[] { 1000, 2000, 4000, 8000 })
        {
            for (int i = 0; i < 3; i++)
            {
                model.Record(Codelet, Implementation, Architecture, (ulong)n, n, 2e-9 * Math.Pow(n, 1.5));
            }
        }

        var law = model.Regression(Codelet, Implementation, Architecture)!;
        Assert.Equal(1.5, law.B, 9);
        Assert.Equal(2e-9, law.A, 15);
        Assert.Equal(2e-9 * Math.Pow(3000, 1.5), model.Predict(Codelet, Implementation, Architecture, 3000, 3000), 12);
        Assert.Equal(2e-9 * Math.Pow(16000, 1.5), model.Predict(Codelet, Implementation, Architecture, 16000, 16000), 10);
        Assert.True(double.IsNaN(model.Predict(Codelet, Implementation, Architecture, 17000, 17000)));
        Assert.True(double.IsNaN(model.Predict(Codelet, Implementation, Architecture, 400, 400)));
        Assert.Null(PowerLaw.Fit([(1000, 1.0), (1050, 1.1)]));
    }

    [Fact]
    public void Models_persist_as_versioned_json_and_read_back_equal()
    {
        string directory = TempDirectory();
        try
        {
            string path = ModelFiles.PerformancePath(directory, "node-a");
            var model = new PerformanceModel();
            for (int i = 0; i < 12; i++)
            {
                model.Record(Codelet, Implementation, Architecture, 0xDEADBEEF, 4096, 1e-3 + (i * 1e-6));
                model.Record("ifft", "OpenCl", "gpu|x", 3, 8, 2e-4);
            }

            model.Record(Codelet, Implementation, Architecture, 0xDEADBEEF, 4096, 1.0);
            model.Save(path);
            Assert.Empty(Directory.GetFiles(directory, "*.tmp"));
            using (var json = JsonDocument.Parse(File.ReadAllText(path)))
            {
                Assert.Equal(ModelFiles.FormatVersion, json.RootElement.GetProperty("formatVersion").GetInt32());
                Assert.Equal("00000000deadbeef", json.RootElement.GetProperty("entries")[0].GetProperty("footprint").GetString());
            }

            var loaded = PerformanceModel.Load(path);
            Assert.Equal(model.Entries.Count, loaded.Entries.Count);
            for (int i = 0; i < model.Entries.Count; i++)
            {
                var (a, b) = (model.Entries[i], loaded.Entries[i]);
                Assert.Equal((a.Codelet, a.Implementation, a.Architecture, a.Footprint, a.Size, a.Median, a.Spread, a.Total, a.Rejected), (b.Codelet, b.Implementation, b.Architecture, b.Footprint, b.Size, b.Median, b.Spread, b.Total, b.Rejected));
                Assert.Equal(a.Samples, b.Samples);
            }

            Assert.Equal(model.Predict(Codelet, Implementation, Architecture, 0xDEADBEEF, 4096), loaded.Predict(Codelet, Implementation, Architecture, 0xDEADBEEF, 4096));
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    [Fact]
    public void Newer_or_corrupt_files_are_refused_and_left_untouched()
    {
        string directory = TempDirectory();
        try
        {
            string path = Path.Combine(directory, "m.json");
            File.WriteAllText(path, """{ "formatVersion": 99, "entries": [] }""");
            var newer = Assert.Throws<InvalidDataException>(() => PerformanceModel.Load(path));
            Assert.Contains("format version 99", newer.Message, StringComparison.Ordinal);
            File.WriteAllText(path, "{ not json");
            var corrupt = Assert.Throws<InvalidDataException>(() => PerformanceModel.Load(path));
            Assert.Contains("corrupt", corrupt.Message, StringComparison.Ordinal);
            Assert.Equal("{ not json", File.ReadAllText(path));
            Assert.Empty(PerformanceModel.Load(Path.Combine(directory, "missing.json")).Entries);
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    internal static string TempDirectory()
    {
        string path = Path.Combine(Path.GetTempPath(), "oompa-sched-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(path);
        return path;
    }
}
