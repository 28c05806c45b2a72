using System.Runtime.InteropServices;
using Oompa.Core.Memory;
using Oompa.Core.Native;

namespace Oompa.Samples.FlexAlign.Global;

/// <summary>
/// Asks Linux to back large buffers with transparent huge pages (madvise MADV_HUGEPAGE), so that first touching a
/// freshly allocated full-size buffer costs a few 2 MB faults instead of one 4 KB fault per page. On the benchmark
/// machine the 4 KB faults made the first batch of every movie read and transform 30 times slower than the next.
/// Only a hint: when the call is unavailable or refused the memory simply stays on normal pages.
/// </summary>
internal static partial class HugePages
{
    private const int MadviseHugePage = 14;
    private const long HugePageBytes = 2L * 1024 * 1024;
    private static bool unavailable = !OperatingSystem.IsLinux();

    static HugePages()
    {
        // Bare "libc" only resolves where libc6-dev installs libc.so; Core's resolver maps it to libc.so.6.
        _ = NativeLibraries.LibC;
        NativeLibraries.InstallResolver(typeof(HugePages).Assembly);
    }

    /// <summary>Marks the whole 2 MB pages inside <paramref name="block"/> as huge-page candidates.</summary>
    public static void Advise(MemoryBlock block)
    {
        if (unavailable || block.Bytes < 2 * HugePageBytes)
        {
            return;
        }

        long start = ((long)block.Pointer + HugePageBytes - 1) & ~(HugePageBytes - 1);
        long end = ((long)block.Pointer + block.Bytes) & ~(HugePageBytes - 1);
        if (end <= start)
        {
            return;
        }

        try
        {
            _ = Madvise((nint)start, (nuint)(end - start), MadviseHugePage);
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            unavailable = true;
        }
    }

    [LibraryImport("libc", EntryPoint = "madvise")]
    private static partial int Madvise(nint address, nuint length, int advice);
}
