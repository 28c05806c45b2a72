namespace Oompa.Samples.FourierReconstruction.Input;

/// <summary>
/// The input cannot be reconstructed: a STAR file without a needed block or column, a value that is not a finite
/// number, an image stack or section that does not exist, non-square or mismatched images, an unknown symmetry, NaN
/// pixels. The message names the file, the column and the row (1-based) where they apply.
/// </summary>
public sealed class ReconstructionInputException : Exception
{
    /// <summary>Creates the exception.</summary>
    public ReconstructionInputException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public ReconstructionInputException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and its cause.</summary>
    public ReconstructionInputException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
