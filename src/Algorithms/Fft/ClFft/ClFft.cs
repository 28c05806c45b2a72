using System.Globalization;
using Oompa.Core.Native;

namespace Oompa.Algorithms.Fft.ClFft;

/// <summary>
/// The clFFT library behind the OpenCL strategy of <see cref="FourierTransform"/>: its registration with
/// <see cref="NativeLibraries"/> and its version. clFFT generates and compiles OpenCL kernels per plan shape; the
/// strategy caches baked plans per device.
/// </summary>
public static class ClFft
{
    private static readonly Lazy<string> LazyVersion = new(ReadVersion);

    /// <summary>The clFFT library (<c>libclFFT.so.2</c>, Debian package <c>libclfft2</c>).</summary>
    public static NativeLibraryInfo Library { get; } =
        NativeLibraries.Register(new NativeLibraryInfo("clFFT", ["libclFFT.so.2"], "libclfft2", "OpenCL FFT"));

    /// <summary>Whether the clFFT library can be loaded.</summary>
    public static bool IsAvailable => NativeLibraries.TryLoad(Library, out _);

    /// <summary>The library's version as <c>clfftGetVersion</c> reports it, for example <c>2.12.2</c>.</summary>
    /// <exception cref="NativeLibraryMissingException">clFFT is not installed.</exception>
    /// <exception cref="NativeCallException">clFFT reports a failure.</exception>
    public static string Version => LazyVersion.Value;

    /// <summary>
    /// Whether clFFT can transform an axis of <paramref name="length"/> points: lengths whose prime factors are all
    /// among 2, 3, 5, 7, 11 and 13 (1 included).
    /// </summary>
    public static bool IsSupportedLength(int length) => UnsupportedFactor(length) is null;

    /// <summary>The smallest prime factor of <paramref name="length"/> that clFFT cannot handle, or null when none.</summary>
    internal static int? UnsupportedFactor(int length)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(length, 1);
        int rest = length;
        foreach (int p in (ReadOnlySpan<int>)[2, 3, 5, 7, 11, 13])
        {
            while (rest % p == 0)
            {
                rest /= p;
            }
        }

        if (rest == 1)
        {
            return null;
        }

        for (int f = 17; (long)f * f <= rest; f += 2)
        {
            if (rest % f == 0)
            {
                return f;
            }
        }

        return rest;
    }

    private static unsafe string ReadVersion()
    {
        NativeLibraries.Load(Library);
        uint major, minor, patch;
        ClFftError.ThrowIfFailed(ClFftNative.clfftGetVersion(&major, &minor, &patch), nameof(ClFftNative.clfftGetVersion));
        return string.Create(CultureInfo.InvariantCulture, $"{major}.{minor}.{patch}");
    }
}
