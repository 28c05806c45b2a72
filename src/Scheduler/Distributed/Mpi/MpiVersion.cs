namespace Oompa.Scheduler.Distributed.Mpi;

/// <summary>The MPI implementation found on this machine.</summary>
/// <param name="Library">The first line of <c>MPI_Get_library_version</c>, for example <c>Open MPI v4.1.6, ...</c>.</param>
/// <param name="Major">The MPI standard major version from <c>MPI_Get_version</c>.</param>
/// <param name="Minor">The MPI standard minor version from <c>MPI_Get_version</c>.</param>
public sealed record MpiVersion(string Library, int Major, int Minor)
{
    /// <summary>The MPI standard version as <c>major.minor</c>, for example <c>3.1</c>.</summary>
    public string Standard => FormattableString.Invariant($"{Major}.{Minor}");

    /// <summary>Formats as <c>library (MPI major.minor)</c>.</summary>
    public override string ToString() => $"{Library} (MPI {Standard})";
}
