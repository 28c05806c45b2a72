using Oompa.Algorithms.Reconstruction.Insertion;
using Oompa.Core.Data;

namespace Oompa.Algorithms.Tests.Reconstruction.Insertion;

/// <summary>
/// The insertion contract written out directly in double precision: blob mode visits every voxel of the volume (not
/// the traverse space's bounding box, so a box that misses voxels is caught); nearest-neighbour mode walks the plane
/// as the contract defines it. Decisions that float arithmetic may take the other way (a coefficient at the blob's
/// edge, a rounding tie, p.x at 0) mark the voxel ambiguous, and comparisons skip it.
/// </summary>
public sealed class InsertionReference
{
    private const double EdgeWindow = 1e-4;   // relative window around d² = r²
    private const double TieWindow = 1e-4;    // absolute window around rounding ties and p.x = 0

    private InsertionReference(int volumeElements)
    {
        Re = new double[volumeElements];
        Im = new double[volumeElements];
        W = new double[volumeElements];
        Magnitude = new double[volumeElements];
        Ambiguous = new bool[volumeElements];
    }

    /// <summary>Expected G (real and imaginary parts) and W, in logical order (x fastest).</summary>
    public double[] Re { get; }

    public double[] Im { get; }

    public double[] W { get; }

    /// <summary>Per voxel, |G₀| plus the sum of |contribution|: the scale for relative tolerances.</summary>
    public double[] Magnitude { get; }

    public bool[] Ambiguous { get; }

    /// <summary>
    /// The expected accumulators after inserting <paramref name="spaces"/> on top of <paramref name="g0"/> and
    /// <paramref name="w0"/>. Spectra are logical (R+1)×(2R+1)×N, x fastest.
    /// </summary>
    public static InsertionReference Compute(
        int half, ComplexF[] spectra, TraverseSpace[] spaces, FourierInsertionSettings settings, float[]? table, ComplexF[] g0, float[] w0)
    {
        int side = (2 * half) + 1;
        var result = new InsertionReference(side * side * side);
        for (int v = 0; v < g0.Length; v++)
        {
            result.Re[v] = g0[v].Re;
            result.Im[v] = g0[v].Im;
            result.W[v] = w0[v];
            result.Magnitude[v] = Math.Sqrt(g0[v].MagnitudeSquared) + Math.Abs(w0[v]);
        }

        var blob = settings.Mode == InsertionMode.Blob ? new ReferenceBlob(settings.BlobRadius, settings.BlobOrder, settings.BlobAlpha) : null;
        foreach (var s in spaces)
        {
            if (blob is null)
            {
                result.Nearest(half, spectra, s);
            }
            else
            {
                result.Gather(half, spectra, s, blob, (float)settings.BlobRadius, table);
            }
        }

        return result;
    }

    private static (double X, double Y, double Z) Apply(in TraverseSpace s, double kx, double ky, double kz) => (
        ((double)s.M00 * kx) + ((double)s.M01 * ky) + ((double)s.M02 * kz),
        ((double)s.M10 * kx) + ((double)s.M11 * ky) + ((double)s.M12 * kz),
        ((double)s.M20 * kx) + ((double)s.M21 * ky) + ((double)s.M22 * kz));

    private void Gather(int half, ComplexF[] spectra, in TraverseSpace s, ReferenceBlob blob, float radius, float[]? table)
    {
        int side = (2 * half) + 1;
        int columns = half + 1;
        double r = radius;
        double r2 = r * r;
        int offset = s.ProjectionIndex * columns * side;
        for (int z = 0; z < side; z++)
        {
            for (int y = 0; y < side; y++)
            {
                for (int x = 0; x < side; x++)
                {
                    double kx = x - half, ky = y - half, kz = z - half;
                    if ((kx * kx) + (ky * ky) + (kz * kz) > s.MaxDistanceSqr)
                    {
                        continue;
                    }

                    var p = Apply(s, kx, ky, kz);
                    double py = p.Y + half;
                    int v = x + (side * (y + (side * z)));
                    double re = 0, im = 0, sum = 0, magnitude = 0;
                    for (int j = 0; j < side; j++)
                    {
                        for (int i = 0; i < columns; i++)
                        {
                            double d2 = ((p.X - i) * (p.X - i)) + ((py - j) * (py - j)) + (p.Z * p.Z);
                            if (Math.Abs(d2 - r2) < EdgeWindow * r2)
                            {
                                Ambiguous[v] = true;
                            }

                            if (d2 > r2)
                            {
                                continue;
                            }

                            double w = table is null ? blob.Weight(d2) : table[Math.Min((int)((d2 * (table.Length - 1) / r2) + 0.5), table.Length - 1)];
                            if (i == 0)
                            {
                                w /= 2;
                            }

                            var f = spectra[offset + i + (columns * j)];
                            re += w * f.Re;
                            im += w * f.Im;
                            sum += w;
                            magnitude += w * (Math.Abs(f.Re) + Math.Abs(f.Im));
                        }
                    }

                    Re[v] += s.Weight * re;
                    Im[v] += s.Weight * im;
                    W[v] += s.Weight * sum;
                    Magnitude[v] += Math.Abs(s.Weight) * (magnitude + sum);
                }
            }
        }
    }

    private void Nearest(int half, ComplexF[] spectra, in TraverseSpace s)
    {
        int side = (2 * half) + 1;
        int columns = half + 1;
        int last = 2 * half;
        int offset = s.ProjectionIndex * columns * side;
        var (a, b, c) = s.Direction switch
        {
            TraverseDirection.XY => (0, 1, 2),
            TraverseDirection.XZ => (0, 2, 1),
            _ => (1, 2, 0),
        };
        int[] min = [Math.Max(s.MinX, 0), Math.Max(s.MinY, 0), Math.Max(s.MinZ, 0)];
        int[] max = [Math.Min(s.MaxX, last), Math.Min(s.MaxY, last), Math.Min(s.MaxZ, last)];
        double[] n = [s.NormalX, s.NormalY, s.NormalZ];
        double[] o = [s.BottomOriginX, s.BottomOriginY, s.BottomOriginZ];
        int[] v3 = new int[3];
        for (int vb = min[b]; vb <= max[b]; vb++)
        {
            for (int va = min[a]; va <= max[a]; va++)
            {
                double t = o[c] - (((n[a] * (va - o[a])) + (n[b] * (vb - o[b]))) / n[c]);
                int vc = (int)Math.Floor(t + 0.5);
                bool tie = IsTie(t);
                if (vc < min[c] || vc > max[c])
                {
                    if (tie)
                    {
                        MarkNeighbours(v3, a, b, c, va, vb, vc, side);
                    }

                    continue;
                }

                v3[a] = va;
                v3[b] = vb;
                v3[c] = vc;
                double kx = v3[0] - half, ky = v3[1] - half, kz = v3[2] - half;
                int v = v3[0] + (side * (v3[1] + (side * v3[2])));
                if (tie)
                {
                    MarkNeighbours(v3, a, b, c, va, vb, vc, side);
                }

                if ((kx * kx) + (ky * ky) + (kz * kz) > s.MaxDistanceSqr)
                {
                    continue;
                }

                var p = Apply(s, kx, ky, kz);
                bool origin = kx == 0 && ky == 0 && kz == 0;   // p is exactly 0 in any arithmetic
                if (!origin && (Math.Abs(p.X) < TieWindow || IsTie(p.X) || IsTie(p.Y + half)))
                {
                    Ambiguous[v] = true;
                }

                if (p.X < 0)
                {
                    continue;
                }

                int i = Math.Min(half, (int)Math.Floor(p.X + 0.5));
                int j = Math.Clamp((int)Math.Floor(p.Y + half + 0.5), 0, last);
                var f = spectra[offset + i + (columns * j)];
                Re[v] += s.Weight * f.Re;
                Im[v] += s.Weight * f.Im;
                W[v] += s.Weight;
                Magnitude[v] += Math.Abs(s.Weight) * (1 + Math.Abs(f.Re) + Math.Abs(f.Im));
            }
        }
    }

    private static bool IsTie(double t)
    {
        double frac = t - Math.Floor(t);
        return Math.Abs(frac - 0.5) < TieWindow;
    }

    private void MarkNeighbours(int[] v3, int a, int b, int c, int va, int vb, int vc, int side)
    {
        for (int d = -1; d <= 0; d++)
        {
            int cc = vc + d;
            if (cc < 0 || cc >= side)
            {
                continue;
            }

            v3[a] = va;
            v3[b] = vb;
            v3[c] = cc;
            Ambiguous[v3[0] + (side * (v3[1] + (side * v3[2])))] = true;
        }
    }
}
