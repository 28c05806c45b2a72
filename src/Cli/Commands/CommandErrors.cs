using System.Security;
using Oompa.Samples.FlexAlign.Movie;
using Oompa.Samples.FourierReconstruction.Input;

namespace Oompa.Cli.Commands;

/// <summary>Turns the expected failures of a command (bad input, I/O) into one message on stderr and exit code 1.</summary>
internal static class CommandErrors
{
    /// <summary>Runs <paramref name="action"/>; input and I/O errors print <c>prefix: error: message</c> and return 1.</summary>
    public static int Guard(string prefix, TextWriter error, Func<int> action)
    {
        ArgumentNullException.ThrowIfNull(error);
        ArgumentNullException.ThrowIfNull(action);
        try
        {
            return action();
        }
        catch (Exception e) when (e is FlexAlignInputException or ReconstructionInputException or InvalidDataException or IOException or UnauthorizedAccessException or SecurityException)
        {
            error.WriteLine($"{prefix}: error: {e.Message}");
            return 1;
        }
    }
}
