using Oompa.Scheduler.Distributed.Mpi;

namespace Oompa.Cli.Info;

/// <summary>Lines for the MPI library found, or the reason none was.</summary>
internal static class MpiLines
{
    /// <summary>The lines of the MPI section.</summary>
    public static IEnumerable<InfoLine> Collect()
    {
        var version = MpiLibrary.TryGetVersion(out string? reason);
        return version is null
            ? [new InfoLine("Library", $"none: {reason}")]
            : [new InfoLine("Library", version.Library), new InfoLine("Standard", $"MPI {version.Standard}")];
    }
}
