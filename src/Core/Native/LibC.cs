using System.Runtime.InteropServices;

namespace Oompa.Core.Native;

/// <summary>The few libc calls Oompa needs.</summary>
internal static partial class LibC
{
    static LibC()
    {
        _ = NativeLibraries.LibC;
        NativeLibraries.InstallResolver(typeof(LibC).Assembly);
    }

    [LibraryImport("libc", SetLastError = true)]
    internal static partial int mlock(nint address, nuint length);

    [LibraryImport("libc", SetLastError = true)]
    internal static partial int munlock(nint address, nuint length);

    [LibraryImport("libc", SetLastError = true)]
    internal static partial int madvise(nint address, nuint length, int advice);
}
