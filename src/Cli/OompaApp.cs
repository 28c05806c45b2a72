using System.CommandLine;
using Oompa.Cli.Commands;

namespace Oompa.Cli;

/// <summary>Builds the <c>oompa</c> command tree and runs it. Each subcommand is its own class in <c>Commands/</c>.</summary>
internal static class OompaApp
{
    /// <summary>The root command with every subcommand.</summary>
    public static RootCommand Build(GlobalOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var root = new RootCommand("Oompa: heterogeneous image processing for cryo-EM.");
        options.AddTo(root);
        root.Subcommands.Add(new InfoCommand(options));
        root.Subcommands.Add(new FlexAlignCommand(options));
        root.Subcommands.Add(new DemoCommand(options));
        root.Subcommands.Add(new ReconstructCommand(options));
        root.Subcommands.Add(new TuneCommand());
        return root;
    }

    /// <summary>Parses and runs <paramref name="args"/>; output goes to <paramref name="output"/>, messages and errors to <paramref name="error"/>.</summary>
    /// <returns>The exit code: 0 on success, non-zero on failure.</returns>
    public static int Run(string[] args, TextWriter output, TextWriter error)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);

        var options = new GlobalOptions();
        var parseResult = Build(options).Parse(args);
        try
        {
            return parseResult.Invoke(new InvocationConfiguration { Output = output, Error = error, EnableDefaultExceptionHandler = false });
        }
#pragma warning disable CA1031 // The process boundary: every failure becomes a message on stderr and a non-zero exit code.
        catch (Exception e)
#pragma warning restore CA1031
        {
            error.WriteLine(parseResult.GetValue(options.Verbose) ? $"oompa: {e}" : $"oompa: {e.Message}");
            return 1;
        }
    }
}
