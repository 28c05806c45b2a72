using System.Runtime.InteropServices;
using Oompa.Core.Native;

namespace Oompa.Cli.Info;

/// <summary>
/// One line per registered native library: the soname it loads from, or the package that installs it; libraries with
/// details (such as clFFT's version) get them as indented lines below their own.
/// </summary>
internal static class NativeLibraryLines
{
    /// <summary>The lines of the native-library section.</summary>
    /// <param name="details">Extra lines per library name, asked only for libraries that load.</param>
    public static IEnumerable<InfoLine> Collect(IReadOnlyDictionary<string, Func<IEnumerable<InfoLine>>>? details = null)
    {
        foreach (var library in NativeLibraries.Registered)
        {
            yield return new InfoLine(library.Name, Status(library));
            if (details is not null && details.TryGetValue(library.Name, out var more) && NativeLibraries.TryLoad(library, out _))
            {
                foreach (var line in more())
                {
                    yield return line;
                }
            }
        }
    }

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
