using System.CommandLine;
using Oompa.Cli.Info;

namespace Oompa.Cli.Commands;

/// <summary>
/// <c>oompa info</c>: versions, CPU, native libraries, OpenCL platforms and devices, and MPI, as aligned plain text on
/// stdout. Exits non-zero (with the failures on stderr) when a part of the report could not be collected.
/// </summary>
internal sealed class InfoCommand : Command
{
    private readonly GlobalOptions options;

    /// <summary>Creates the command.</summary>
    public InfoCommand(GlobalOptions options)
        : base("info", "Show versions, CPU, native libraries, OpenCL devices and MPI")
    {
        ArgumentNullException.ThrowIfNull(options);
        this.options = options;
        SetAction(Run);
    }

    private int Run(ParseResult parseResult)
    {
        RenderedReport rendered;
        using (var loggerFactory = options.CreateLoggerFactory(parseResult))
        {
            rendered = InfoSources.CreateDefault(loggerFactory).Render();
        }

        parseResult.InvocationConfiguration.Output.Write(rendered.Text);
        foreach (string error in rendered.Errors)
        {
            parseResult.InvocationConfiguration.Error.WriteLine($"oompa info: {error}");
        }

        return rendered.Success ? 0 : 1;
    }
}
