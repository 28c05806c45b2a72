namespace Oompa.Core.Algorithms;

/// <summary>Thrown when no strategy of an algorithm accepts a request; carries the full <see cref="InitResult"/>.</summary>
public sealed class AlgorithmInitException : InvalidOperationException
{
    /// <summary>Creates the exception from a failed result.</summary>
    public AlgorithmInitException(InitResult result)
        : base(result?.Explain())
    {
        Result = result!;
    }

    /// <summary>Creates the exception with a message only.</summary>
    public AlgorithmInitException(string message)
        : base(message)
    {
        Result = new InitResult("unknown", [message], [], null);
    }

    /// <summary>Creates the exception with a message and inner exception.</summary>
    public AlgorithmInitException(string message, Exception inner)
        : base(message, inner)
    {
        Result = new InitResult("unknown", [message], [], null);
    }

    /// <summary>Creates the exception with no message.</summary>
    public AlgorithmInitException()
        : this("Algorithm initialisation failed.")
    {
    }

    /// <summary>What every strategy answered.</summary>
    public InitResult Result { get; }
}
