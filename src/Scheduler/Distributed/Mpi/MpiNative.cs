using System.Runtime.InteropServices;
using Oompa.Core.Native;

namespace Oompa.Scheduler.Distributed.Mpi;

/// <summary>
/// Thin P/Invoke binding of the MPI library (<c>libmpi.so.40</c>, Open MPI). Only the calls that are legal before
/// <c>MPI_Init</c> so far; the distributed runtime adds its calls here as further partial methods.
/// </summary>
internal static unsafe partial class MpiNative
{
    /// <summary>The bare name used in the imports below; the resolver maps it to <c>libmpi.so.40</c>.</summary>
    internal const string LibraryName = "mpi";

    /// <summary><c>MPI_SUCCESS</c>.</summary>
    internal const int Success = 0;

    /// <summary>
    /// A buffer at least <c>MPI_MAX_LIBRARY_VERSION_STRING</c> long (256 in Open MPI, 8192 in MPICH): the call writes up to
    /// that many bytes whatever the buffer size, so the buffer must cover every implementation.
    /// </summary>
    internal const int LibraryVersionBufferLength = 8192;

    static MpiNative()
    {
        Library = NativeLibraries.Register(new NativeLibraryInfo(LibraryName, ["libmpi.so.40"], "libopenmpi3", "MPI"));
        NativeLibraries.InstallResolver(typeof(MpiNative).Assembly);
    }

    /// <summary>The registered MPI library.</summary>
    internal static NativeLibraryInfo Library { get; }

    [LibraryImport(LibraryName, EntryPoint = "MPI_Get_library_version")]
    internal static partial int GetLibraryVersion(byte* version, int* resultLength);

    [LibraryImport(LibraryName, EntryPoint = "MPI_Get_version")]
    internal static partial int GetVersion(int* version, int* subversion);

    /// <summary>Throws <see cref="NativeCallException"/> naming <paramref name="call"/> unless the status is <c>MPI_SUCCESS</c>.</summary>
    internal static void ThrowIfFailed(int status, string call)
    {
        if (status != Success)
        {
            throw new NativeCallException(LibraryName, call, status, $"MPI error class {status}");
        }
    }
}
