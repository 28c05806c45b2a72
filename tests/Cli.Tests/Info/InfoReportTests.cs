using Microsoft.Extensions.Logging.Abstractions;
using Oompa.Cli.Info;
using Oompa.Core.Native;

namespace Oompa.Cli.Tests.Info;

// pocl and Open MPI are installed on development machines and in CI: their absence fails these tests.
public class InfoReportTests
{
    private static readonly Lazy<RenderedReport> Default = new(() => InfoSources.CreateDefault(NullLoggerFactory.Instance).Render());

    private static string[] Lines => Default.Value.Text.Split('\n', StringSplitOptions.RemoveEmptyEntries);

    private static string Line(string label, string? after = null) =>
        Lines.SkipWhile(l => after is not null && l != after)
            .FirstOrDefault(l => l.TrimStart().StartsWith(label + "  ", StringComparison.Ordinal))
        ?? throw new Xunit.Sdk.XunitException($"No line labelled '{label}' in:\n{Default.Value.Text}");

    [Fact]
    public void Default_report_succeeds_with_sections_in_order()
    {
        Assert.True(Default.Value.Success, string.Join("\n", Default.Value.Errors));
        string[] titles = [.. Lines.Where(l => !l.StartsWith(' '))];
        Assert.Equal([InfoSources.System, InfoSources.NativeLibraries, InfoSources.Fftw, InfoSources.OpenCl, InfoSources.Mpi], titles);
    }

    [Fact]
    public void System_section_names_version_runtime_os_and_cpu()
    {
        Assert.Contains(SystemLines.OompaVersion(), Line("Version"), StringComparison.Ordinal);
        Assert.Contains(".NET", Line(".NET runtime"), StringComparison.Ordinal);
        Assert.Contains(Environment.ProcessorCount.ToString(System.Globalization.CultureInfo.InvariantCulture), Line("Logical cores"), StringComparison.Ordinal);
        Assert.False(string.IsNullOrWhiteSpace(Line("CPU")[(Line("CPU").IndexOf("CPU", StringComparison.Ordinal) + 3)..]));
        _ = Line("OS");
    }

    [Theory]
    [InlineData("OpenCL", "libOpenCL.so.1")]
    [InlineData("mpi", "libmpi.so.40")]
    [InlineData("libc", "libc.so.6")]
    [InlineData("fftw3f", "libfftw3f.so.3")]
    [InlineData("fftw3f_threads", "libfftw3f_threads.so.3")]
    [InlineData("clFFT", "libclFFT.so.2")]
    public void Native_libraries_are_listed_with_the_soname_they_load_from(string name, string soname) =>
        Assert.Contains($"loaded {soname}", Line(name), StringComparison.Ordinal);

    [Fact]
    public void ClFft_is_listed_with_its_version_below_its_line()
    {
        int at = Array.FindIndex(Lines, l => l.TrimStart().StartsWith("clFFT  ", StringComparison.Ordinal));
        Assert.True(at >= 0, Default.Value.Text);
        Assert.Matches(@"^\s{4}Version\s+2\.\d+\.\d+$", Lines[at + 1].TrimEnd());
    }

    [Fact]
    public void A_missing_library_names_the_package_to_install()
    {
        var missing = new NativeLibraryInfo("oompa-test-missing", ["liboompa-test-missing.so.9"], "oompa-test-package", "test");
        Assert.Equal("missing — apt-get install oompa-test-package (test)", NativeLibraryLines.Status(missing));
    }

    [Fact]
    public void Fftw_section_gives_the_version_and_threads_support()
    {
        Assert.Matches(@"Version\s+fftw-3\.\d+\.\d+", Line("Version", after: InfoSources.Fftw));
        Assert.EndsWith("yes", Line("Threads").TrimEnd(), StringComparison.Ordinal);
        Assert.Contains("fftw-wisdom-", Line("Wisdom"), StringComparison.Ordinal);
    }

    [Fact]
    public void OpenCl_section_lists_the_pocl_cpu_device()
    {
        // pocl's platform wherever discovery put it (platform 0 in CI; after a GPU driver's elsewhere).
        string platform = Lines.FirstOrDefault(l => l.TrimStart().StartsWith("Platform ", StringComparison.Ordinal)
                && l.Contains("Portable Computing Language", StringComparison.Ordinal))
            ?? throw new Xunit.Sdk.XunitException($"No pocl platform in:\n{Default.Value.Text}");
        string index = platform.TrimStart()["Platform ".Length..].Split(' ')[0];
        string device = Line($"Device {index}.0", after: platform);
        Assert.EndsWith("CPU", Line("Type", after: device).TrimEnd(), StringComparison.Ordinal);
        Assert.Matches(@"Compute units\s+[1-9]\d*$", Line("Compute units", after: device).TrimEnd());
        Assert.Matches(@"Global memory\s+\d+\.\d GiB$", Line("Global memory", after: device).TrimEnd());
        Assert.Matches(@"Max work-group\s+[1-9]\d*$", Line("Max work-group", after: device).TrimEnd());
        Assert.Contains("OpenCL 3.0", Line("OpenCL version", after: device), StringComparison.Ordinal);
        _ = Line("Driver version", after: device);
    }

    [Fact]
    public void Mpi_section_names_open_mpi_and_the_standard()
    {
        Assert.Contains("Open MPI", Line("Library"), StringComparison.Ordinal);
        Assert.Matches(@"Standard\s+MPI \d\.\d$", Line("Standard").TrimEnd());
    }

    [Fact]
    public void Values_start_in_one_column()
    {
        var starts = Lines.Where(l => l.StartsWith(' ')).Select(ValueStart).Distinct().ToList();
        Assert.Single(starts);
    }

    private static int ValueStart(string line)
    {
        int labelStart = line.Length - line.TrimStart().Length;
        int gap = line.IndexOf("  ", labelStart, StringComparison.Ordinal);
        int i = gap;
        while (i < line.Length && line[i] == ' ')
        {
            i++;
        }

        return i;
    }
}
