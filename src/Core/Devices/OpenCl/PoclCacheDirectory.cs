using System.Runtime.InteropServices;
using Oompa.Core.Configuration;
using Oompa.Core.Native;

namespace Oompa.Core.Devices.OpenCl;

/// <summary>
/// pocl compiles kernels into a cache directory and fails when it cannot write one. Unless the user set
/// <c>POCL_CACHE_DIR</c>, Oompa points it at <c>&lt;user cache&gt;/pocl</c> before the first OpenCL call, where the user
/// cache is <c>$OOMPA_CACHE_DIR</c>, else <c>$XDG_CACHE_HOME/oompa</c>, else <c>~/.cache/oompa</c>.
/// </summary>
internal static partial class PoclCacheDirectory
{
    internal const string Variable = "POCL_CACHE_DIR";

    private static readonly Lock Gate = new();

    /// <summary>
    /// Sets <c>POCL_CACHE_DIR</c> (in both the managed and the native environment, which pocl reads) when it is unset,
    /// creating the directory. Returns the directory in effect and whether Oompa set it.
    /// </summary>
    internal static (string Directory, bool SetByOompa) Ensure()
    {
        lock (Gate)
        {
            string? existing = Environment.GetEnvironmentVariable(Variable);
            if (!string.IsNullOrEmpty(existing))
            {
                return (existing, false);
            }

            string directory = OompaPaths.CacheSubdirectory("pocl");
            Directory.CreateDirectory(directory);
            Environment.SetEnvironmentVariable(Variable, directory);

            // .NET keeps its own copy of the environment on Unix; native code such as pocl only sees setenv.
            _ = NativeLibraries.LibC;
            NativeLibraries.InstallResolver(typeof(PoclCacheDirectory).Assembly);
            if (setenv(Variable, directory, 0) != 0)
            {
                throw new NativeCallException("libc", "setenv", Marshal.GetLastPInvokeError(), Marshal.GetLastPInvokeErrorMessage());
            }

            return (directory, true);
        }
    }

    [LibraryImport("libc", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int setenv(string name, string value, int overwrite);
}
