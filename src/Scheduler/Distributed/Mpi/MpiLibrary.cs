using System.Text;
using Oompa.Core.Native;

namespace Oompa.Scheduler.Distributed.Mpi;

/// <summary>Queries the MPI library without initialising MPI (both calls are legal before <c>MPI_Init</c>).</summary>
public static unsafe class MpiLibrary
{
    /// <summary>The MPI library; reading it registers the library with <see cref="NativeLibraries"/>.</summary>
    public static NativeLibraryInfo Library => MpiNative.Library;

    /// <summary>The MPI implementation and standard version, or null with the reason when no MPI library is installed.</summary>
    /// <param name="reason">Why no version is returned (names the package to install); null on success.</param>
    /// <exception cref="NativeCallException">The library is present but a call failed.</exception>
    public static MpiVersion? TryGetVersion(out string? reason)
    {
        if (!NativeLibraries.TryLoad(Library, out _))
        {
            reason = new NativeLibraryMissingException(Library).Message;
            return null;
        }

        var buffer = new byte[MpiNative.LibraryVersionBufferLength];
        int length;
        fixed (byte* p = buffer)
        {
            MpiNative.ThrowIfFailed(MpiNative.GetLibraryVersion(p, &length), "MPI_Get_library_version");
        }

        int major;
        int minor;
        MpiNative.ThrowIfFailed(MpiNative.GetVersion(&major, &minor), "MPI_Get_version");

        ReadOnlySpan<byte> text = buffer.AsSpan(0, Math.Clamp(length, 0, buffer.Length));
        int nul = text.IndexOf((byte)0);
        string full = Encoding.UTF8.GetString(nul < 0 ? text : text[..nul]).Trim();
        int newline = full.IndexOfAny(['\r', '\n']);
        string firstLine = (newline < 0 ? full : full[..newline]).Trim();

        reason = null;
        return new MpiVersion(firstLine, major, minor);
    }
}
