using System.Collections.Concurrent;
using System.Reflection;
using System.Runtime.InteropServices;

namespace Oompa.Core.Native;

/// <summary>
/// Maps the bare library names used by Oompa's bindings to the versioned sonames Debian installs, so that bindings work
/// without <c>-dev</c> packages, and turns a missing library into an error that names the package to install.
/// </summary>
/// <remarks>Each binding registers its library and installs the resolver for its own assembly, once.</remarks>
public static class NativeLibraries
{
    private static readonly ConcurrentDictionary<string, NativeLibraryInfo> Known = new(StringComparer.Ordinal);
    private static readonly ConcurrentDictionary<string, nint> Loaded = new(StringComparer.Ordinal);
    private static readonly ConcurrentDictionary<Assembly, bool> Installed = new();

    /// <summary>The C library, used for page locking.</summary>
    public static NativeLibraryInfo LibC { get; } = Register(new NativeLibraryInfo("libc", ["libc.so.6"], "libc6", "C runtime"));

    /// <summary>Every library registered so far.</summary>
    public static IReadOnlyCollection<NativeLibraryInfo> Registered => [.. Known.Values.OrderBy(l => l.Name, StringComparer.Ordinal)];

    /// <summary>Registers a library (idempotent) and returns it.</summary>
    public static NativeLibraryInfo Register(NativeLibraryInfo library)
    {
        ArgumentNullException.ThrowIfNull(library);
        return Known.GetOrAdd(library.Name, library);
    }

    /// <summary>Installs the soname resolver for <paramref name="assembly"/> (idempotent).</summary>
    public static void InstallResolver(Assembly assembly)
    {
        ArgumentNullException.ThrowIfNull(assembly);
        if (Installed.TryAdd(assembly, true))
        {
            NativeLibrary.SetDllImportResolver(assembly, Resolve);
        }
    }

    /// <summary>Loads a registered library or throws <see cref="NativeLibraryMissingException"/> naming its package.</summary>
    public static nint Load(NativeLibraryInfo library)
    {
        ArgumentNullException.ThrowIfNull(library);
        return TryLoad(library, out nint handle) ? handle : throw new NativeLibraryMissingException(library);
    }

    /// <summary>Tries to load a registered library by its sonames.</summary>
    public static bool TryLoad(NativeLibraryInfo library, out nint handle)
    {
        ArgumentNullException.ThrowIfNull(library);
        if (Loaded.TryGetValue(library.Name, out handle))
        {
            return true;
        }

        foreach (string soname in library.SoNames)
        {
            if (NativeLibrary.TryLoad(soname, out handle))
            {
                Loaded[library.Name] = handle;
                return true;
            }
        }

        handle = 0;
        return false;
    }

    /// <summary>The address of an exported symbol (function or global) of a registered library.</summary>
    /// <exception cref="NativeLibraryMissingException">The library is missing.</exception>
    /// <exception cref="EntryPointNotFoundException">The symbol is not exported.</exception>
    public static nint GetExport(NativeLibraryInfo library, string symbol) => NativeLibrary.GetExport(Load(library), symbol);

    private static nint Resolve(string name, Assembly assembly, DllImportSearchPath? searchPath)
    {
        if (Known.TryGetValue(name, out var library))
        {
            return Load(library);
        }

        return 0;
    }
}
