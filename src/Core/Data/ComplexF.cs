using System.Globalization;
using System.Runtime.InteropServices;

namespace Oompa.Core.Data;

/// <summary>Single-precision complex number laid out as (real, imaginary), the layout of FFTW's <c>fftwf_complex</c>
/// and OpenCL's <c>float2</c>.</summary>
/// <param name="Re">Real part.</param>
/// <param name="Im">Imaginary part.</param>
[StructLayout(LayoutKind.Sequential)]
public readonly record struct ComplexF(float Re, float Im)
{
    /// <summary>Complex product.</summary>
    public static ComplexF operator *(ComplexF a, ComplexF b) => new(a.Re * b.Re - a.Im * b.Im, a.Re * b.Im + a.Im * b.Re);

    /// <summary>Scales both parts.</summary>
    public static ComplexF operator *(ComplexF a, float s) => new(a.Re * s, a.Im * s);

    /// <summary>Complex sum.</summary>
    public static ComplexF operator +(ComplexF a, ComplexF b) => new(a.Re + b.Re, a.Im + b.Im);

    /// <summary>Complex difference.</summary>
    public static ComplexF operator -(ComplexF a, ComplexF b) => new(a.Re - b.Re, a.Im - b.Im);

    /// <summary>Complex conjugate.</summary>
    public ComplexF Conjugate() => new(Re, -Im);

    /// <summary>Squared magnitude.</summary>
    public float MagnitudeSquared => Re * Re + Im * Im;

    /// <summary>Complex product (named alternative for languages without operators).</summary>
    public static ComplexF Multiply(ComplexF left, ComplexF right) => left * right;

    /// <summary>Complex sum (named alternative for languages without operators).</summary>
    public static ComplexF Add(ComplexF left, ComplexF right) => left + right;

    /// <summary>Complex difference (named alternative for languages without operators).</summary>
    public static ComplexF Subtract(ComplexF left, ComplexF right) => left - right;

    /// <summary>Formats as <c>(re, im)</c>.</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"({Re}, {Im})");
}
