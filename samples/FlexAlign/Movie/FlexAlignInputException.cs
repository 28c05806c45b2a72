namespace Oompa.Samples.FlexAlign.Movie;

/// <summary>The input cannot be aligned: not an MRC movie, truncated, unsupported mode, size mismatch, too few frames,
/// non-finite values. The message names the file and the problem.</summary>
public sealed class FlexAlignInputException : Exception
{
    /// <summary>Creates the exception.</summary>
    public FlexAlignInputException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public FlexAlignInputException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and its cause.</summary>
    public FlexAlignInputException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
