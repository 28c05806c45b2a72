namespace Oompa.Core.Native;

/// <summary>A native library Oompa binds: the bare name used in imports, the sonames to try, and the Debian package.</summary>
/// <param name="Name">The bare name used in <c>LibraryImport</c> attributes, for example <c>fftw3f</c>.</param>
/// <param name="SoNames">Versioned file names to try in order, for example <c>libfftw3f.so.3</c>.</param>
/// <param name="Package">The Debian package that installs it.</param>
/// <param name="Purpose">What Oompa uses it for, for messages.</param>
public sealed record NativeLibraryInfo(string Name, IReadOnlyList<string> SoNames, string Package, string Purpose);
