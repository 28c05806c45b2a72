using System.Runtime.InteropServices;
using Oompa.Core.Native;

namespace Oompa.Cli.Info;

/// <summary>One line per registered native library: the soname it loads from, or the package that installs it.</summary>
internal static class NativeLibraryLines
{
    /// <summary>The lines of the native-library section.</summary>
    public static IEnumerable<InfoLine> Collect() => NativeLibraries.Registered.Select(l => new InfoLine(l.Name, Status(l)));

    /// <summary><c>libX.so.N (purpose)</c> when it loads, else <c>missing — apt-get install package</c>.</summary>
    public static string Status(NativeLibraryInfo library)
    {
        ArgumentNullException.ThrowIfNull(library);
        if (!NativeLibraries.TryLoad(library, out _))
        {
            return $"missing — apt-get install {library.Package} ({library.Purpose})";
        }

        // NativeLibraries loads the first soname that loads; find which one it was. Loading again only adds a reference.
        string? soname = library.SoNames.FirstOrDefault(name =>
        {
            if (!NativeLibrary.TryLoad(name, out nint handle))
            {
                return false;
            }

            NativeLibrary.Free(handle);
            return true;
        });
        return $"loaded {soname ?? "(unknown soname)"} ({library.Purpose})";
    }
}
