namespace Oompa.Samples.FlexAlign.Local;

/// <summary>
/// A least-squares system has fewer (accepted) equations than unknowns, or its design matrix is rank-deficient, so the
/// solution is not unique. For the local fit this means too few patches for the control points: FlexAlign requires
/// more patches than control points along x and y.
/// </summary>
public sealed class UnderdeterminedSystemException : InvalidOperationException
{
    /// <summary>Creates the exception with a default message.</summary>
    public UnderdeterminedSystemException() : base("The least-squares system is underdetermined.")
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    /// <param name="message">What is underdetermined, naming the counts.</param>
    public UnderdeterminedSystemException(string message) : base(message)
    {
    }

    /// <summary>Creates the exception with a message and an inner exception.</summary>
    /// <param name="message">What is underdetermined, naming the counts.</param>
    /// <param name="innerException">The cause.</param>
    public UnderdeterminedSystemException(string message, Exception innerException) : base(message, innerException)
    {
    }

    /// <summary>Creates the exception naming the equation and unknown counts.</summary>
    /// <param name="message">What is underdetermined.</param>
    /// <param name="equations">Accepted equations.</param>
    /// <param name="unknowns">Unknowns.</param>
    /// <param name="rank">Numerical rank of the design matrix (≤ unknowns).</param>
    public UnderdeterminedSystemException(string message, int equations, int unknowns, int rank) : base(message)
    {
        Equations = equations;
        Unknowns = unknowns;
        Rank = rank;
    }

    /// <summary>Number of (accepted) equations.</summary>
    public int Equations { get; }

    /// <summary>Number of unknowns.</summary>
    public int Unknowns { get; }

    /// <summary>Numerical rank found (≤ <see cref="Unknowns"/>); −1 when the problem was rejected before factorising.</summary>
    public int Rank { get; }
}
