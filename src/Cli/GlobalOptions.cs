using System.CommandLine;
using Microsoft.Extensions.Logging;

namespace Oompa.Cli;

/// <summary>Options every <c>oompa</c> command accepts, and the logging they configure.</summary>
internal sealed class GlobalOptions
{
    /// <summary><c>--verbose</c>: log debug messages to stderr.</summary>
    public Option<bool> Verbose { get; } = new("--verbose", "-v")
    {
        Description = "Log debug messages to stderr",
        Recursive = true,
    };

    /// <summary>Adds the options to the root command.</summary>
    public void AddTo(RootCommand root)
    {
        ArgumentNullException.ThrowIfNull(root);
        root.Options.Add(Verbose);
    }

    /// <summary>
    /// A logger factory for one command run: warnings (debug with <c>--verbose</c>) go to stderr, never stdout, so
    /// command output stays clean. The caller disposes it, which flushes pending messages.
    /// </summary>
    public ILoggerFactory CreateLoggerFactory(ParseResult parseResult)
    {
        ArgumentNullException.ThrowIfNull(parseResult);
        var level = parseResult.GetValue(Verbose) ? LogLevel.Debug : LogLevel.Warning;
        return LoggerFactory.Create(builder => builder
            .SetMinimumLevel(level)
            .AddConsole(o => o.LogToStandardErrorThreshold = LogLevel.Trace)
            .AddSimpleConsole(o => o.SingleLine = true));
    }
}
