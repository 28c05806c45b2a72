namespace Oompa.Algorithms.Tests.Reconstruction.Insertion;

/// <summary>
/// A double-precision Kaiser–Bessel blob for the references, written independently of the library: I_m by its
/// power series (checked against the integral representation by <see cref="BesselIByIntegral"/> in the blob tests),
/// and the unit-integral normalisation from a numerical radial integral 4π∫ r²·b(r) dr rather than from B̂(0).
/// </summary>
public sealed class ReferenceBlob
{
    private readonly double inverseIm;

    public ReferenceBlob(double radius, int order, double alpha)
    {
        Radius = radius;
        Order = order;
        Alpha = alpha;
        inverseIm = 1 / BesselI(order, alpha);
        Integral = RadialIntegral(r => Value(r), radius);
    }

    public double Radius { get; }

    public int Order { get; }

    public double Alpha { get; }

    /// <summary>∫ b over ℝ³.</summary>
    public double Integral { get; }

    public static double BesselI(int m, double x)
    {
        double half = x / 2, term = 1;
        for (int k = 1; k <= m; k++)
        {
            term *= half / k;
        }

        double sum = term;
        for (int k = 1; k < 200 && term > 1e-18 * sum; k++)
        {
            term *= half * half / (k * (double)(k + m));
            sum += term;
        }

        return sum;
    }

    /// <summary>I_m(x) = (1/π)∫₀^π e^(x·cos θ)·cos(mθ) dθ by the trapezoid rule (exponentially convergent here).</summary>
    public static double BesselIByIntegral(int m, double x)
    {
        const int Steps = 2000;
        double sum = 0;
        for (int k = 0; k <= Steps; k++)
        {
            double theta = Math.PI * k / Steps;
            double f = Math.Exp(x * Math.Cos(theta)) * Math.Cos(m * theta);
            sum += (k == 0 || k == Steps) ? f / 2 : f;
        }

        return sum / Steps;
    }

    public double Value(double r)
    {
        double t = 1 - ((r / Radius) * (r / Radius));
        if (t < 0)
        {
            return 0;
        }

        double s = Math.Sqrt(t);
        return Math.Pow(s, Order) * BesselI(Order, Alpha * s) * inverseIm;
    }

    /// <summary>The unit-integral weight at squared distance d².</summary>
    public double Weight(double d2) => Value(Math.Sqrt(Math.Max(d2, 0))) / Integral;

    /// <summary>4π ∫₀^a r²·f(r) dr by composite Simpson on 4000 intervals.</summary>
    public static double RadialIntegral(Func<double, double> f, double a)
    {
        const int N = 4000;
        double h = a / N;
        double sum = 0;
        for (int k = 0; k <= N; k++)
        {
            double r = k * h;
            double w = k == 0 || k == N ? 1 : (k % 2 == 1 ? 4 : 2);
            sum += w * r * r * f(r);
        }

        return 4 * Math.PI * sum * h / 3;
    }
}
