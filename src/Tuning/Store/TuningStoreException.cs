namespace Oompa.Tuning.Store;

/// <summary>A tuning store file could not be read, locked or written; the message names the file and what to do.</summary>
public sealed class TuningStoreException : IOException
{
    /// <summary>Creates the exception for <paramref name="filePath"/>.</summary>
    public TuningStoreException(string message, string? filePath, Exception? inner = null)
        : base(message, inner)
    {
        FilePath = filePath;
    }

    /// <summary>Creates the exception with a message.</summary>
    public TuningStoreException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and inner exception.</summary>
    public TuningStoreException(string message, Exception inner)
        : base(message, inner)
    {
    }

    /// <summary>Creates the exception with no message.</summary>
    public TuningStoreException()
    {
    }

    /// <summary>The file concerned, when known.</summary>
    public string? FilePath { get; }
}
