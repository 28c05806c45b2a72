namespace Oompa.Samples.FlexAlign.Local;

/// <summary>
/// The centred cubic B-spline β³ used by FlexAlign's local motion model:
/// β³(u) = 2/3 − u² + |u|³/2 for |u| &lt; 1, (2 − |u|)³/6 for 1 ≤ |u| &lt; 2, 0 otherwise.
/// Its integer translates form a partition of unity: Σ_k β³(u − k) = 1 for every u.
/// </summary>
public static class CubicBSpline
{
    /// <summary>Half-width of the support: β³(u) = 0 for |u| ≥ 2.</summary>
    public const int SupportRadius = 2;

    /// <summary>Evaluates β³(u).</summary>
    /// <param name="u">Argument (in units of the knot spacing).</param>
    /// <returns>The spline value, in [0, 2/3]; NaN for NaN.</returns>
    public static double Value(double u)
    {
        if (double.IsNaN(u))
        {
            return double.NaN;
        }

        var a = Math.Abs(u);
        if (a < 1)
        {
            return (2.0 / 3.0) - (a * a) + (0.5 * a * a * a);
        }

        if (a < 2)
        {
            var b = 2 - a;
            return b * b * b / 6.0;
        }

        return 0;
    }

    /// <summary>Evaluates the derivative dβ³/du.</summary>
    /// <param name="u">Argument (in units of the knot spacing).</param>
    /// <returns>The derivative; odd in u, zero at u = 0 and for |u| ≥ 2; NaN for NaN.</returns>
    public static double Derivative(double u)
    {
        if (double.IsNaN(u))
        {
            return double.NaN;
        }

        var a = Math.Abs(u);
        var s = Math.Sign(u);
        if (a < 1)
        {
            return s * ((-2 * a) + (1.5 * a * a));
        }

        if (a < 2)
        {
            var b = 2 - a;
            return -s * 0.5 * b * b;
        }

        return 0;
    }
}
