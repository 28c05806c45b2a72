namespace Oompa.Cli.Tests;

public class OompaAppTests
{
    [Fact]
    public void Info_writes_the_report_to_output_and_exits_zero()
    {
        using var output = new StringWriter();
        using var error = new StringWriter();

        int code = OompaApp.Run(["info"], output, error);

        Assert.True(code == 0, $"exit code {code}; stderr: {error}");
        Assert.Equal(string.Empty, error.ToString());
        Assert.StartsWith("Oompa" + Environment.NewLine, output.ToString(), StringComparison.Ordinal);
        Assert.Contains("Native libraries", output.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Unknown_command_fails_with_a_message_on_error()
    {
        using var output = new StringWriter();
        using var error = new StringWriter();

        int code = OompaApp.Run(["no-such-command"], output, error);

        Assert.NotEqual(0, code);
        Assert.Contains("no-such-command", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Help_lists_the_info_command()
    {
        using var output = new StringWriter();
        using var error = new StringWriter();

        Assert.Equal(0, OompaApp.Run(["--help"], output, error));
        Assert.Contains("info", output.ToString(), StringComparison.Ordinal);
    }
}
