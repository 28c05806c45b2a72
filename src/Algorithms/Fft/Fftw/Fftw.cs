using System.Runtime.InteropServices;
using Oompa.Core.Native;

namespace Oompa.Algorithms.Fft.Fftw;

/// <summary>
/// The single-precision FFTW library behind the CPU strategies of <see cref="FourierTransform"/>: its registration with
/// <see cref="NativeLibraries"/>, its version, and where accumulated planner wisdom is kept.
/// </summary>
public static class Fftw
{
    private static readonly Lazy<string> LazyVersion = new(ReadVersion);

    /// <summary>The FFTW single-precision library (<c>libfftw3f.so.3</c>).</summary>
    public static NativeLibraryInfo Library { get; } =
        NativeLibraries.Register(new NativeLibraryInfo("fftw3f", ["libfftw3f.so.3"], "libfftw3-single3", "CPU FFT"));

    /// <summary>FFTW's POSIX-threads support (<c>libfftw3f_threads.so.3</c>), used by multi-threaded plans.</summary>
    public static NativeLibraryInfo ThreadsLibrary { get; } =
        NativeLibraries.Register(new NativeLibraryInfo("fftw3f_threads", ["libfftw3f_threads.so.3"], "libfftw3-single3", "CPU FFT (threads)"));

    /// <summary>Whether the FFTW library can be loaded.</summary>
    public static bool IsAvailable => NativeLibraries.TryLoad(Library, out _);

    /// <summary>Whether FFTW's threads library can be loaded, so that plans may use several threads.</summary>
    public static bool ThreadsAvailable => IsAvailable && NativeLibraries.TryLoad(ThreadsLibrary, out _);

    /// <summary>The library's version string as FFTW reports it (its exported <c>fftwf_version</c>), for example
    /// <c>fftw-3.3.10-sse2-avx</c>.</summary>
    /// <exception cref="NativeLibraryMissingException">FFTW is not installed.</exception>
    public static string Version => LazyVersion.Value;

    /// <summary>
    /// The file where plans measured with <see cref="FftPlannerEffort.Measure"/> are remembered across processes:
    /// <c>$OOMPA_CACHE_DIR</c>, else <c>$XDG_CACHE_HOME/oompa</c>, else <c>~/.cache/oompa</c>, followed by
    /// <c>fftw-wisdom-&lt;hostname&gt;</c> (wisdom is only valid on the machine that measured it).
    /// </summary>
    public static string WisdomPath => FftwWisdom.Default.Path;

    private static string ReadVersion()
    {
        nint address = NativeLibraries.GetExport(Library, "fftwf_version");
        return Marshal.PtrToStringAnsi(address) ?? string.Empty;
    }
}
