using Oompa.Cli.Commands;
using Oompa.Cli.FlexAlign;

namespace Oompa.Cli.Tests.FlexAlign;

/// <summary><c>oompa demo</c> at a tiny size: it runs, reports the RMS error against the truth, and writes its files.</summary>
public sealed class DemoCommandTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("oompa-cli-demo-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    [Fact]
    public void Tiny_demo_runs_and_reports_the_rms_error()
    {
        using var output = new StringWriter();
        using var error = new StringWriter();

        // At 256 x 256 x 6 and the paper's dose there is too little signal for 0.1 px: the run completes, reports
        // FAIL and exits with MissedTarget; the default 2048 x 2048 x 20 meets the target.
        int code = OompaApp.Run(["demo", "--size", "256", "--frames", "6", "--threads", "2", "--out", folder], output, error);

        string text = output.ToString();
        Assert.True(code is 0 or DemoCommand.MissedTarget, $"exit {code}; stderr: {error}");
        Assert.Matches(@"RMS error \d+\.\d{3} px, max error \d+\.\d{3} px", text);
        Assert.Contains(code == 0 ? "PASS" : "FAIL", text, StringComparison.Ordinal);
        Assert.Contains("Time: generate", text, StringComparison.Ordinal);
        string workers = string.Join(", ", FlexAlignBackend.AutoOptions(2).Workers!.Select(w => w.ToString() ?? w.Name));
        Assert.Contains($"Backend auto; workers: {workers}.", text, StringComparison.Ordinal);
        Assert.Equal(["phantom.json", "phantom.mrc", "phantom.mrcs", "phantom.star", "phantom.svg"], Directory.GetFiles(folder).Select(Path.GetFileName).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Help_lists_demo_and_flexalign()
    {
        using var output = new StringWriter();
        using var error = new StringWriter();

        Assert.Equal(0, OompaApp.Run(["--help"], output, error));
        Assert.Contains("demo", output.ToString(), StringComparison.Ordinal);
        Assert.Contains("flexalign", output.ToString(), StringComparison.Ordinal);
    }
}
