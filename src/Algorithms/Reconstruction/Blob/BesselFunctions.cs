namespace Oompa.Algorithms.Reconstruction.Blob;

/// <summary>
/// Modified Bessel functions of the first kind in double precision, by their power series (all terms positive for
/// I, so the sums are stable for every argument the blobs use, x ≤ a few hundred).
/// </summary>
internal static class BesselFunctions
{
    private const int MaxTerms = 500;

    /// <summary>I_m(x) for integer order m ≥ 0 and x ≥ 0: Σ_k (x/2)^(2k+m) / (k!·(k+m)!).</summary>
    public static double I(int m, double x)
    {
        double half = x / 2;
        double term = 1;
        for (int k = 1; k <= m; k++)
        {
            term *= half / k;
        }

        return SeriesFrom(term, half * half, m);
    }

    /// <summary>
    /// E_ν(s) = Σ_k (s/4)^k / (k!·Γ(k+ν+1)) / 2^ν for half-integer or integer ν ≥ 0, which is I_ν(x)/x^ν when s = x²
    /// and J_ν(x)/x^ν when s = −x². Finite and smooth through s = 0.
    /// </summary>
    public static double ScaledSeries(double nu, double s)
    {
        // First term: 1 / (Γ(ν+1)·2^ν).
        double first = 1 / (Gamma(nu + 1) * Math.Pow(2, nu));
        double quarter = s / 4;
        double term = first;
        double sum = first;
        for (int k = 1; k < MaxTerms; k++)
        {
            term *= quarter / (k * (k + nu));
            sum += term;
            if (Math.Abs(term) <= 1e-17 * Math.Abs(sum) && k > Math.Sqrt(Math.Abs(quarter)))
            {
                break;
            }
        }

        return sum;
    }

    /// <summary>Γ(x) for the integer and half-integer arguments ≥ 1/2 that <see cref="ScaledSeries"/> needs.</summary>
    private static double Gamma(double x)
    {
        double result = 1;
        while (x > 1.25)
        {
            x -= 1;
            result *= x;
        }

        // x is now 1 or 1/2.
        return Math.Abs(x - 0.5) < 1e-9 ? result * Math.Sqrt(Math.PI) : result;
    }

    private static double SeriesFrom(double first, double quarterSquare, int m)
    {
        double term = first;
        double sum = first;
        for (int k = 1; k < MaxTerms; k++)
        {
            term *= quarterSquare / (k * (double)(k + m));
            sum += term;
            if (term <= 1e-17 * sum && k > Math.Sqrt(quarterSquare))
            {
                break;
            }
        }

        return sum;
    }
}
