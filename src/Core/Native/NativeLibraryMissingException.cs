namespace Oompa.Core.Native;

/// <summary>A native library could not be loaded; the message names the package that installs it.</summary>
public sealed class NativeLibraryMissingException : DllNotFoundException
{
    /// <summary>Creates the exception for <paramref name="library"/>.</summary>
    public NativeLibraryMissingException(NativeLibraryInfo library)
        : base(library is null ? "A native library is missing." :
            $"The native library {string.Join(" or ", library.SoNames)} ({library.Purpose}) could not be loaded. " +
            $"Install it with: apt-get install --no-install-recommends {library.Package}")
    {
        Library = library;
    }

    /// <summary>Creates the exception with a message.</summary>
    public NativeLibraryMissingException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and inner exception.</summary>
    public NativeLibraryMissingException(string message, Exception inner)
        : base(message, inner)
    {
    }

    /// <summary>Creates the exception with no message.</summary>
    public NativeLibraryMissingException()
    {
    }

    /// <summary>The library that is missing, when known.</summary>
    public NativeLibraryInfo? Library { get; }
}
