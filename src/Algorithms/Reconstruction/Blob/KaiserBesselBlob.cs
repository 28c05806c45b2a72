namespace Oompa.Algorithms.Reconstruction.Blob;

/// <summary>
/// The generalised Kaiser–Bessel window ("blob") of radius a, order m and taper α used for gridding in Fourier
/// reconstruction: <c>b(r) = (1−(r/a)²)^(m/2) · I_m(α·sqrt(1−(r/a)²)) / I_m(α)</c> for r ≤ a, else 0; its 3D Fourier
/// transform <c>B̂(w) = (2π)^(3/2)·a³·α^m·I_(m+3/2)(σ) / (I_m(α)·σ^(m+3/2))</c>, σ = sqrt(α² − (2πaw)²) (J replaces I
/// when 2πaw &gt; α); and the normalised weight <c>b(r)/B̂(0)</c> (unit integral) that insertion accumulates.
/// All evaluation is in double precision.
/// </summary>
public sealed class KaiserBesselBlob
{
    private readonly double inverseIm;

    /// <summary>Creates the blob.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Radius or alpha not positive and finite, or order outside 0..4.</exception>
    public KaiserBesselBlob(double radius, int order, double alpha)
    {
        if (!(radius > 0 && double.IsFinite(radius)))
        {
            throw new ArgumentOutOfRangeException(nameof(radius), radius, "The blob radius must be positive and finite.");
        }

        if (order is < 0 or > 4)
        {
            throw new ArgumentOutOfRangeException(nameof(order), order, "The blob order must be 0, 1, 2, 3 or 4.");
        }

        if (!(alpha > 0 && double.IsFinite(alpha)))
        {
            throw new ArgumentOutOfRangeException(nameof(alpha), alpha, "The blob alpha must be positive and finite.");
        }

        Radius = radius;
        Order = order;
        Alpha = alpha;
        inverseIm = 1 / BesselFunctions.I(order, alpha);
        Iw0 = 1 / FourierTransform(0);
    }

    /// <summary>The radius a, in the units of the grid it is used on (Fourier voxels for insertion).</summary>
    public double Radius { get; }

    /// <summary>The order m (0..4).</summary>
    public int Order { get; }

    /// <summary>The taper α.</summary>
    public double Alpha { get; }

    /// <summary>1/B̂(0): the factor that gives the weight a unit integral.</summary>
    public double Iw0 { get; }

    /// <summary>The blob value b(r) at distance <paramref name="distance"/> (0 beyond the radius; b(0) = 1).</summary>
    public double Value(double distance)
    {
        double u = distance / Radius;
        double t = 1 - (u * u);
        if (!(t >= 0))
        {
            return 0;
        }

        double root = Math.Sqrt(t);
        double power = Order == 0 ? 1 : Math.Pow(root, Order);
        return power * BesselFunctions.I(Order, Alpha * root) * inverseIm;
    }

    /// <summary>The insertion weight at squared distance <paramref name="squaredDistance"/>: b(sqrt(d²))·<see cref="Iw0"/>.</summary>
    public double Weight(double squaredDistance) => Value(Math.Sqrt(Math.Max(squaredDistance, 0))) * Iw0;

    /// <summary>The 3D Fourier transform B̂(w) at frequency <paramref name="frequency"/> (cycles per grid unit).</summary>
    public double FourierTransform(double frequency)
    {
        double twoPiAw = 2 * Math.PI * Radius * frequency;
        double s = (Alpha * Alpha) - (twoPiAw * twoPiAw);
        double nu = Order + 1.5;
        return Math.Pow(2 * Math.PI, 1.5) * Radius * Radius * Radius * Math.Pow(Alpha, Order)
            * BesselFunctions.ScaledSeries(nu, s) * inverseIm;
    }

    /// <summary>
    /// Fills a weight table sampled uniformly in squared distance: <c>table[i] = Weight(a²·i/(N−1))</c>, N = its
    /// length (at least 2). Look-ups use <c>table[(int)(d²·(N−1)/a² + 0.5)]</c> for d² ≤ a².
    /// </summary>
    /// <exception cref="ArgumentException">The table has fewer than 2 elements.</exception>
    public void FillTable(Span<float> table)
    {
        if (table.Length < 2)
        {
            throw new ArgumentException($"A blob table needs at least 2 elements, not {table.Length}.", nameof(table));
        }

        double step = Radius * Radius / (table.Length - 1);
        for (int i = 0; i < table.Length; i++)
        {
            table[i] = (float)Weight(i * step);
        }
    }
}
