namespace Oompa.Algorithms.Initialization;

/// <summary>Fill every data element (padding untouched) with one value.</summary>
/// <param name="Value">The value, or its real part for complex data. Converted to the payload's element type.</param>
/// <param name="Imaginary">The imaginary part for complex data; must be zero for real data.</param>
public sealed record InitializationSettings(double Value, double Imaginary = 0)
{
    /// <summary>Fill with zeros.</summary>
    public static InitializationSettings Zero { get; } = new(0);
}
