namespace Oompa.Samples.FlexAlign.Local.Tests;

/// <summary>
/// The motion of the FlexAlign phantom (thesis §1.10, constants as published): frame t of n moves the reference point p
/// to φ_t(p) = c + (p − c)(1 + k1 r² + k2 r⁴) + drift(t), r = |p − c|/R with R the half-diagonal,
/// k1 = k1s + t(k1e − k1s)/n, k2 likewise, drift x(t) = a1(n−t) + a2(n−t)² + cos(n−t)/10,
/// y(t) = b1(n−t) + b2(n−t)² + sin((n−t)²)/5.
/// </summary>
internal sealed class DomingPhantom(int width, int height, int frames)
{
    private const double A1 = -0.039, A2 = 0.002, B1 = -0.02, B2 = 0.002;
    private const double K1s = 0.04, K1e = 0.05, K2s = 0.02, K2e = 0.025;
    private readonly double _cx = (width - 1) / 2.0;
    private readonly double _cy = (height - 1) / 2.0;
    private readonly double _radius = Math.Sqrt((width * width) + (height * height)) / 2;

    /// <summary>s = φ_t(p) − p.</summary>
    public (double X, double Y) Displacement(double x, double y, int t)
    {
        double k1 = K1s + (t * (K1e - K1s) / frames), k2 = K2s + (t * (K2e - K2s) / frames);
        double dx = x - _cx, dy = y - _cy;
        var r2 = ((dx * dx) + (dy * dy)) / (_radius * _radius);
        var g = (k1 * r2) + (k2 * r2 * r2);
        var m = frames - t;
        var driftX = (A1 * m) + (A2 * m * m) + (Math.Cos(m) / 10);
        var driftY = (B1 * m) + (B2 * m * m) + (Math.Sin(m * m) / 5);
        return ((dx * g) + driftX, (dy * g) + driftY);
    }

    /// <summary>φ_t⁻¹(q) by fixed-point iteration p ← q − s(p).</summary>
    public (double X, double Y) Inverse(double qx, double qy, int t)
    {
        double px = qx, py = qy;
        for (var i = 0; i < 30; i++)
        {
            var (sx, sy) = Displacement(px, py, t);
            px = qx - sx;
            py = qy - sy;
        }

        return (px, py);
    }
}
