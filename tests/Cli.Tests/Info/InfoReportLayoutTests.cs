using Oompa.Cli.Info;

namespace Oompa.Cli.Tests.Info;

public class InfoReportLayoutTests
{
    [Fact]
    public void Section_returns_the_existing_section_so_a_later_source_can_join_it()
    {
        var report = new InfoReport();
        var first = report.Section("Libraries").Add("A", () => "1");
        report.Section("Other").Add("B", () => "2");
        var again = report.Section("Libraries").Add("FFTW", () => "fftw-3.3.10");
        Assert.Same(first, again);
        Assert.Equal(["Libraries", "Other"], report.Sections.Select(s => s.Title));

        string expected = string.Join(Environment.NewLine, "Libraries", "  A     1", "  FFTW  fftw-3.3.10", "", "Other", "  B     2", "");
        Assert.Equal(expected, report.Render().Text);
    }

    [Fact]
    public void Nested_lines_are_indented_and_values_stay_aligned()
    {
        var report = new InfoReport();
        report.Section("S").Add(() => [new InfoLine("Top", "x"), new InfoLine("Child", "y", 1), new InfoLine("Heading", "")]);
        string expected = string.Join(Environment.NewLine, "S", "  Top      x", "    Child  y", "  Heading", "");
        Assert.Equal(expected, report.Render().Text);
    }

    [Fact]
    public void A_failing_source_becomes_an_error_line_and_an_error_without_hiding_the_others()
    {
        var report = new InfoReport();
        report.Section("Broken").Add(() => throw new InvalidOperationException("driver exploded"));
        report.Section("Fine").Add("Ok", () => "yes");

        var rendered = report.Render();

        Assert.False(rendered.Success);
        Assert.Equal(["Broken: driver exploded"], rendered.Errors);
        Assert.Contains("error  driver exploded", rendered.Text, StringComparison.Ordinal);
        Assert.Contains("Ok     yes", rendered.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Sources_run_when_the_report_renders_not_when_added()
    {
        int calls = 0;
        var report = new InfoReport();
        report.Section("S").Add("Count", () => (++calls).ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(0, calls);
        _ = report.Render();
        Assert.Equal(1, calls);
    }
}
