using Oompa.Core.Devices.OpenCl;
using Oompa.Core.IO.Mrc;
using Oompa.Samples.FourierReconstruction.Phantom;
using Oompa.Samples.FourierReconstruction.Quality;

namespace Oompa.Cli.Tests.Reconstruct;

/// <summary><c>oompa reconstruct</c> end to end on a small phantom data set, its help and its error cases.</summary>
public sealed class ReconstructCommandTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("oompa-cli-reconstruct-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    [Fact]
    public void Reconstructs_a_phantom_data_set_with_symmetry_options_and_reports_a_summary()
    {
        string star = PhantomDataset.Write(Path.Combine(folder, "data"), 24, 200, seed: 3, pixelSize: 2.1);
        string output = Path.Combine(folder, "out", "map.mrc");

        var (code, stdout, stderr) = Run("reconstruct", "--particles", star, "--sym", "c1", "--pad", "2", "--blob", "1.9", "0", "15", "--threads", "2", "--out", output);

        Assert.True(code == 0, $"exit {code}; stderr: {stderr}");
        Assert.StartsWith("reconstructed 200 particles × 1 operators (C1) of 24² at 2.1 Å/px", stdout, StringComparison.Ordinal);
        Assert.Contains("projections/s", stdout, StringComparison.Ordinal);
        Assert.Contains("inserting particles 100% (200/200)", stderr, StringComparison.Ordinal);
        var map = MrcFile.Read(output);
        var truth = MrcFile.Read(Path.Combine(folder, "data", "phantom.mrc"));
        Assert.Equal(2.1f, map.PixelSize, 1e-5f);
        Assert.True(VolumeComparison.Correlation(map.Data, truth.Data) > 0.995);

        (code, stdout, stderr) = Run("reconstruct", "--particles", star, "--fast", "--sym", "C2", "--out", Path.Combine(folder, "fast.mrc"));
        Assert.True(code == 0, $"exit {code}; stderr: {stderr}");
        Assert.Contains("× 2 operators (C2)", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void The_three_backends_reconstruct_the_same_map()
    {
        string star = PhantomDataset.Write(Path.Combine(folder, "data"), 24, 96, seed: 4);
        var maps = new Dictionary<string, float[]>(StringComparer.Ordinal);
        foreach (string backend in new[] { "cpu", "opencl", "auto" })
        {
            string output = Path.Combine(folder, $"{backend}.mrc");
            var (code, stdout, stderr) = Run("reconstruct", "--particles", star, "--sym", "C2", "--backend", backend, "--threads", "2", "--out", output);
            Assert.True(code == 0, $"{backend}: exit {code}; stderr: {stderr}");
            Assert.Contains($"on {backend} with 2 threads", stdout, StringComparison.Ordinal);
            if (backend == "auto")
            {
                Assert.Contains("tasks per worker: cpu0 ", stdout, StringComparison.Ordinal);
                // OpenCL workers join auto for GPUs and accelerators only (none in CI: pocl computes on the host's cores).
                Assert.Equal(OpenClDevices.Accelerators.Count > 0, stdout.Contains("opencl0 ", StringComparison.Ordinal));
            }

            maps[backend] = MrcFile.Read(output).Data;
        }

        double scale = maps["cpu"].Max(Math.Abs);
        foreach (string backend in new[] { "opencl", "auto" })
        {
            double worst = maps["cpu"].Zip(maps[backend]).Max(p => Math.Abs(p.First - p.Second)) / scale;
            Assert.True(worst < 1e-4, $"{backend} differs from cpu by {worst:E2} of the map maximum.");
        }
    }

    [Fact]
    public void Opencl_without_a_device_exits_1_with_the_reason_and_no_output()
    {
        // A child process whose OpenCL loader finds no driver (OCL_ICD_VENDORS names an empty folder).
        string apphost = Path.Combine(Path.GetDirectoryName(typeof(ReconstructCommandTests).Assembly.Location)!, OperatingSystem.IsWindows() ? "oompa.exe" : "oompa");
        string empty = Directory.CreateDirectory(Path.Combine(folder, "no-icd")).FullName;
        string output = Path.Combine(folder, "never.mrc");
        var start = new System.Diagnostics.ProcessStartInfo(apphost) { RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (string arg in new[] { "reconstruct", "--particles", "p.star", "--backend", "opencl", "--out", output })
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["OCL_ICD_VENDORS"] = empty;
        start.Environment.Remove("OCL_ICD_FILENAMES");
        using var process = System.Diagnostics.Process.Start(start)!;
        string stderr = process.StandardError.ReadToEnd();
        process.WaitForExit();
        Assert.Equal(1, process.ExitCode);
        Assert.Contains("oompa reconstruct: error: --backend opencl: No OpenCL device is available", stderr, StringComparison.Ordinal);
        Assert.False(File.Exists(output));
    }

    [Fact]
    public void Help_describes_every_option()
    {
        var (code, stdout, _) = Run("reconstruct", "--help");
        Assert.Equal(0, code);
        foreach (string option in new[] { "--particles", "--sym", "--pad", "--max-res", "--blob", "--fast", "--backend", "--threads", "--out" })
        {
            Assert.Contains(option, stdout, StringComparison.Ordinal);
        }

        foreach (string backend in new[] { "cpu;", "opencl (", "auto (" })
        {
            Assert.Contains(backend, stdout, StringComparison.Ordinal);
        }

        (_, stdout, _) = Run("--help");
        Assert.Contains("reconstruct", stdout, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--backend", "cuda", "available: cpu, opencl, auto")]
    [InlineData("--pad", "0.5", "--pad")]
    [InlineData("--max-res", "0.7", "--max-res")]
    public void Unavailable_or_invalid_options_are_refused_before_any_work(string option, string value, string message)
    {
        string output = Path.Combine(folder, "never.mrc");
        var (code, _, stderr) = Run("reconstruct", "--particles", "missing.star", option, value, "--out", output);
        Assert.NotEqual(0, code);
        Assert.Contains(message, stderr, StringComparison.Ordinal);
        Assert.False(File.Exists(output));
    }

    [Fact]
    public void Input_errors_exit_1_with_the_problem_and_no_output()
    {
        string star = PhantomDataset.Write(Path.Combine(folder, "data"), 16, 10, seed: 1);
        string output = Path.Combine(folder, "bad.mrc");

        var (code, _, stderr) = Run("reconstruct", "--particles", star, "--sym", "Q5", "--out", output);
        Assert.Equal(1, code);
        Assert.Contains("oompa reconstruct: error: Symmetry: Unknown symmetry 'Q5'", stderr, StringComparison.Ordinal);

        (code, _, stderr) = Run("reconstruct", "--particles", Path.Combine(folder, "nothing.star"), "--out", output);
        Assert.Equal(1, code);
        Assert.Contains("does not exist", stderr, StringComparison.Ordinal);
        Assert.False(File.Exists(output));
    }

    [Fact]
    public void Blob_needs_three_valid_numbers()
    {
        var (code, _, stderr) = Run("reconstruct", "--particles", "p.star", "--blob", "1.9", "7", "15", "--out", Path.Combine(folder, "x.mrc"));
        Assert.NotEqual(0, code);
        Assert.Contains("--blob", stderr, StringComparison.Ordinal);
    }

    private static (int Code, string Stdout, string Stderr) Run(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        int code = OompaApp.Run(args, output, error);
        return (code, output.ToString(), error.ToString());
    }
}
