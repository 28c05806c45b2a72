using System.Text.Json;
using Oompa.Cli.FlexAlign;
using Oompa.Core.Data;
using Oompa.Core.Devices.OpenCl;
using Oompa.Core.IO.Mrc;
using Oompa.Core.IO.Star;
using Oompa.Samples.FlexAlign.Phantom;

namespace Oompa.Cli.Tests.FlexAlign;

/// <summary><c>oompa flexalign</c> end to end on small MRC movies written by the test, and its error cases.</summary>
public sealed class FlexAlignCommandTests : IDisposable
{
    private const int N = 256;
    private const int Frames = 6;
    private readonly string folder = Directory.CreateTempSubdirectory("oompa-cli-flexalign-").FullName;

    private string Out => Path.Combine(folder, "out");

    public void Dispose() => Directory.Delete(folder, recursive: true);

    [Fact]
    public void Aligns_a_noiseless_phantom_and_writes_the_four_outputs()
    {
        var movie = Phantom();
        string path = WriteMovie("grid.mrc", movie.Frames, Frames);

        var (code, stdout, stderr) = Run("flexalign", "--movie", path, "--max-shift", "20", "--threads", "2", "--out", Out);

        Assert.True(code == 0, $"exit {code}; stderr: {stderr}");
        Assert.StartsWith($"aligned {Frames} frames of {N}x{N} in ", stdout, StringComparison.Ordinal);
        Assert.Contains("correlating frame pairs", stderr, StringComparison.Ordinal);
        Assert.Equal(["grid.json", "grid.mrc", "grid.star", "grid.svg"], Directory.GetFiles(Out).Select(Path.GetFileName).Order(StringComparer.Ordinal));

        // The STAR shifts are the true corrective shifts (noiseless: within 0.05 px), frame 1 exactly 0.
        var shifts = StarFile.Read(Path.Combine(Out, "grid.star")).Block("global_shift");
        for (int t = 0; t < Frames; t++)
        {
            Assert.Equal(movie.CorrectiveShifts[t].X, shifts.GetDouble("_rlnMicrographShiftX", t), 0.05);
            Assert.Equal(movie.CorrectiveShifts[t].Y, shifts.GetDouble("_rlnMicrographShiftY", t), 0.05);
        }

        Assert.Equal("0.000000", shifts.GetString("_rlnMicrographShiftX", 0));
        using var json = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(Out, "grid.json")));
        Assert.Equal(20, json.RootElement.GetProperty("settings").GetProperty("maxShiftA").GetDouble());
    }

    [Fact]
    public void Local_alignment_with_patches_writes_the_spline_model_into_the_json()
    {
        var movie = PhantomGenerator.Generate(new PhantomSettings { Width = 384, Height = 384, Frames = Frames, DriftScale = 5, Noise = false });
        string path = WriteMovie("local.mrc", movie.Frames, Frames, 384);

        var (code, stdout, stderr) = Run("flexalign", "--movie", path, "--max-shift", "20", "--patches", "7", "7", "--patch-size", "128", "--out", Out);

        Assert.True(code == 0, $"exit {code}; stderr: {stderr}");
        Assert.StartsWith($"aligned {Frames} frames of 384x384", stdout, StringComparison.Ordinal);
        using var json = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(Out, "local.json")));
        var local = json.RootElement.GetProperty("localModel");
        Assert.Equal(7, local.GetProperty("patchesX").GetInt32());
        Assert.Equal(7 * 7 * Frames, local.GetProperty("patchMeasurements").GetInt32());
        var spline = local.GetProperty("spline");
        Assert.Equal(6 * 6 * 5, spline.GetProperty("coefficientsX").GetArrayLength());
        Assert.True(local.GetProperty("residualRmsXPx").GetDouble() < 0.5);
        Assert.Equal(4, Directory.GetFiles(Out).Length);
    }

    [Fact]
    public void Too_few_patches_for_the_control_points_fail_clearly()
    {
        string path = WriteMovie("few.mrc", Phantom().Frames, Frames);
        var (code, _, stderr) = Run("flexalign", "--movie", path, "--max-shift", "20", "--patches", "3", "3", "--patch-size", "64", "--out", Out);
        Assert.Equal(1, code);
        Assert.Contains("patch", stderr, StringComparison.OrdinalIgnoreCase);
        Assert.False(Directory.Exists(Out) && Directory.EnumerateFileSystemEntries(Out).Any());
    }

    [Fact]
    public void Truncated_movie_fails_naming_the_problem()
    {
        string path = WriteMovie("short.mrc", Phantom().Frames, Frames);
        using (var stream = new FileStream(path, FileMode.Open))
        {
            stream.SetLength(stream.Length - 1000);
        }

        AssertFails(["--movie", path], "short.mrc");
    }

    [Fact]
    public void Non_mrc_file_fails()
    {
        string path = Path.Combine(folder, "notes.mrc");
        File.WriteAllText(path, new string('x', 4000));

        AssertFails(["--movie", path], "notes.mrc");
    }

    [Fact]
    public void Missing_movie_fails()
    {
        AssertFails(["--movie", Path.Combine(folder, "absent.mrc")], "does not exist");
    }

    [Fact]
    public void Complex_movie_fails_naming_the_mode()
    {
        string path = Path.Combine(folder, "complex.mrc");
        MrcFile.Write(path, new ComplexF[64 * 64 * 3], new Size(64, 64, 1, 3));

        AssertFails(["--movie", path], "mode 4");
    }

    [Fact]
    public void Gain_of_the_wrong_size_fails()
    {
        string path = WriteMovie("grid.mrc", Phantom().Frames, Frames);
        string gain = Path.Combine(folder, "gain.mrc");
        MrcFile.Write(gain, Enumerable.Repeat(1f, 128 * 128).ToArray(), new Size(128, 128));

        AssertFails(["--movie", path, "--gain", gain], "gain reference");
    }

    [Fact]
    public void Single_frame_movie_fails()
    {
        string path = WriteMovie("one.mrc", Phantom().Frames.AsSpan(0, N * N).ToArray(), 1);

        AssertFails(["--movie", path], "at least 2");
    }

    [Fact]
    public void NaN_in_a_frame_fails_naming_the_frame()
    {
        var frames = Phantom().Frames;
        frames[(3 * N * N) + 17] = float.NaN;
        string path = WriteMovie("nan.mrc", frames, Frames);

        AssertFails(["--movie", path], "frame 4 holds NaN");
    }

    [Fact]
    public void OpenCl_backend_aligns_the_phantom_and_records_the_backend()
    {
        var movie = Phantom();
        string path = WriteMovie("grid.mrc", movie.Frames, Frames);

        var (code, _, stderr) = Run("flexalign", "--movie", path, "--max-shift", "20", "--backend", "opencl", "--out", Out);

        Assert.True(code == 0, $"exit {code}; stderr: {stderr}");
        var shifts = StarFile.Read(Path.Combine(Out, "grid.star")).Block("global_shift");
        for (int t = 0; t < Frames; t++)
        {
            Assert.Equal(movie.CorrectiveShifts[t].X, shifts.GetDouble("_rlnMicrographShiftX", t), 0.05);
            Assert.Equal(movie.CorrectiveShifts[t].Y, shifts.GetDouble("_rlnMicrographShiftY", t), 0.05);
        }

        using var json = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(Out, "grid.json")));
        Assert.Equal("opencl", json.RootElement.GetProperty("settings").GetProperty("backend").GetString());
    }

    [Fact]
    public void Auto_backend_aligns_on_every_worker_like_the_cpu_and_records_the_workers()
    {
        var movie = Phantom();
        string path = WriteMovie("grid.mrc", movie.Frames, Frames);
        string cpuOut = Path.Combine(folder, "cpu");

        var (cpuCode, _, cpuErr) = Run("flexalign", "--movie", path, "--max-shift", "20", "--backend", "cpu", "--out", cpuOut);
        var (code, _, stderr) = Run("flexalign", "--movie", path, "--max-shift", "20", "--backend", "auto", "--threads", "3", "--out", Out);

        Assert.True(cpuCode == 0, $"exit {cpuCode}; stderr: {cpuErr}");
        Assert.True(code == 0, $"exit {code}; stderr: {stderr}");
        var cpu = StarFile.Read(Path.Combine(cpuOut, "grid.star")).Block("global_shift");
        var auto = StarFile.Read(Path.Combine(Out, "grid.star")).Block("global_shift");
        for (int t = 0; t < Frames; t++)
        {
            Assert.Equal(cpu.GetDouble("_rlnMicrographShiftX", t), auto.GetDouble("_rlnMicrographShiftX", t), 0.01);
            Assert.Equal(cpu.GetDouble("_rlnMicrographShiftY", t), auto.GetDouble("_rlnMicrographShiftY", t), 0.01);
        }

        using var json = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(Out, "grid.json")));
        var settings = json.RootElement.GetProperty("settings");
        Assert.Equal("auto", settings.GetProperty("backend").GetString());
        // Every worker of the auto runtime: the CPU workers and each OpenCL GPU or accelerator (none in CI: pocl is a CPU).
        string[] expected = [.. FlexAlignBackend.AutoOptions(3).Workers!.Select(w => w.ToString() ?? w.Name)];
        Assert.Equal(3 + OpenClDevices.Accelerators.Count, expected.Length);
        Assert.Equal(expected, settings.GetProperty("workers").EnumerateArray().Select(w => w.GetString()));
    }

    [Fact]
    public void Unknown_backend_is_refused_listing_the_available_ones()
    {
        string path = WriteMovie("grid.mrc", Phantom().Frames, Frames);

        AssertFails(["--movie", path, "--backend", "cuda"], "available backends: cpu, opencl, auto");
    }

    [Fact]
    public void Resolution_finer_than_nyquist_fails()
    {
        string path = WriteMovie("grid.mrc", Phantom().Frames, Frames);

        AssertFails(["--movie", path, "--pixel-size", "2", "--max-res", "3"], "Nyquist");
    }

    private void AssertFails(string[] arguments, string expected)
    {
        Directory.CreateDirectory(Out);
        var (code, _, stderr) = Run(["flexalign", .. arguments, "--max-shift", "20", "--out", Out]);

        Assert.NotEqual(0, code);
        Assert.Contains(expected, stderr, StringComparison.Ordinal);
        Assert.Empty(Directory.GetFileSystemEntries(Out));
    }

    private static PhantomMovie Phantom() =>
        PhantomGenerator.Generate(new PhantomSettings { Width = N, Height = N, Frames = Frames, DriftScale = 10, Noise = false });

    private string WriteMovie(string name, float[] frames, int count, int side = N)
    {
        string path = Path.Combine(folder, name);
        MrcFile.Write(path, frames, new Size(side, side, 1, count));
        return path;
    }

    private static (int Code, string Stdout, string Stderr) Run(params string[] arguments)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        int code = OompaApp.Run(arguments, output, error);
        return (code, output.ToString(), error.ToString());
    }
}
