using Oompa.Algorithms.Reconstruction.Geometry;

namespace Oompa.Algorithms.Reconstruction.Insertion;

/// <summary>Builds the <see cref="TraverseSpace"/> of a projection under a symmetry operator (host code, double precision).</summary>
public static class TraverseSpaces
{
    /// <summary>
    /// The traverse space of the projection with orientation <paramref name="orientation"/> (A, mapping volume to
    /// projection coordinates, as <see cref="EulerAngles.ToMatrix"/> gives) under <paramref name="symmetryOperator"/>
    /// (R): its slice lies at volume frequencies <c>K = R·Aᵀ·(kx, ky, 0)</c>, so M = (R·Aᵀ)⁻¹.
    /// </summary>
    /// <param name="orientation">A, volume to projection coordinates.</param>
    /// <param name="symmetryOperator">R, a rotation of the volume (the identity for C1).</param>
    /// <param name="halfSize">R of the (2R+1)³ volume and (R+1)×(2R+1) spectra; at least 1.</param>
    /// <param name="settings">The insertion settings (the slab radius comes from them).</param>
    /// <param name="projectionIndex">The spectrum's index in the batch.</param>
    /// <param name="weight">A factor on every contribution; 1 for plain reconstruction.</param>
    /// <exception cref="ArgumentOutOfRangeException">halfSize below 1 or a negative projection index.</exception>
    public static TraverseSpace Create(Matrix3 orientation, Matrix3 symmetryOperator, int halfSize, FourierInsertionSettings settings, int projectionIndex, float weight = 1f)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentOutOfRangeException.ThrowIfLessThan(halfSize, 1);
        ArgumentOutOfRangeException.ThrowIfNegative(projectionIndex);
        var toVolume = symmetryOperator * orientation.Transpose();
        var toProjection = toVolume.Inverse();
        double r = settings.SlabRadius;
        double c = halfSize;
        double extent = halfSize + r;

        double[] lo = [double.PositiveInfinity, double.PositiveInfinity, double.PositiveInfinity];
        double[] hi = [double.NegativeInfinity, double.NegativeInfinity, double.NegativeInfinity];
        foreach (double x in (ReadOnlySpan<double>)[-r, extent])
        {
            foreach (double y in (ReadOnlySpan<double>)[-extent, extent])
            {
                foreach (double z in (ReadOnlySpan<double>)[-r, r])
                {
                    var p = toVolume * new Vector3d(x, y, z);
                    Widen(lo, hi, 0, p.X + c);
                    Widen(lo, hi, 1, p.Y + c);
                    Widen(lo, hi, 2, p.Z + c);
                }
            }
        }

        int last = 2 * halfSize;
        var n = toVolume * new Vector3d(0, 0, 1);
        double ax = Math.Abs(n.X), ay = Math.Abs(n.Y), az = Math.Abs(n.Z);
        var direction = az >= ax && az >= ay ? TraverseDirection.XY : ay >= ax ? TraverseDirection.XZ : TraverseDirection.YZ;
        return new TraverseSpace
        {
            MinX = Clip(Math.Floor(lo[0]), last),
            MinY = Clip(Math.Floor(lo[1]), last),
            MinZ = Clip(Math.Floor(lo[2]), last),
            MaxX = Clip(Math.Ceiling(hi[0]), last),
            MaxY = Clip(Math.Ceiling(hi[1]), last),
            MaxZ = Clip(Math.Ceiling(hi[2]), last),
            MaxDistanceSqr = (float)(extent * extent),
            Direction = direction,
            NormalX = (float)n.X,
            NormalY = (float)n.Y,
            NormalZ = (float)n.Z,
            TopOriginX = (float)(c + (r * n.X)),
            TopOriginY = (float)(c + (r * n.Y)),
            TopOriginZ = (float)(c + (r * n.Z)),
            BottomOriginX = (float)(c - (r * n.X)),
            BottomOriginY = (float)(c - (r * n.Y)),
            BottomOriginZ = (float)(c - (r * n.Z)),
            ProjectionIndex = projectionIndex,
            M00 = (float)toProjection.M00,
            M01 = (float)toProjection.M01,
            M02 = (float)toProjection.M02,
            M10 = (float)toProjection.M10,
            M11 = (float)toProjection.M11,
            M12 = (float)toProjection.M12,
            M20 = (float)toProjection.M20,
            M21 = (float)toProjection.M21,
            M22 = (float)toProjection.M22,
            Weight = weight,
        };
    }

    /// <summary>
    /// The traverse spaces of a batch: for projection p (spectrum p of the batch) and operator j, element
    /// <c>p·operators.Count + j</c>.
    /// </summary>
    /// <exception cref="ArgumentException">The destination's length is not orientations × operators.</exception>
    public static void Fill(Span<TraverseSpace> destination, IReadOnlyList<Matrix3> orientations, IReadOnlyList<Matrix3> operators, int halfSize, FourierInsertionSettings settings)
    {
        ArgumentNullException.ThrowIfNull(orientations);
        ArgumentNullException.ThrowIfNull(operators);
        if (destination.Length != orientations.Count * operators.Count)
        {
            throw new ArgumentException($"The destination holds {destination.Length} spaces, but {orientations.Count} projections × {operators.Count} operators need {orientations.Count * operators.Count}.", nameof(destination));
        }

        for (int p = 0; p < orientations.Count; p++)
        {
            for (int j = 0; j < operators.Count; j++)
            {
                destination[(p * operators.Count) + j] = Create(orientations[p], operators[j], halfSize, settings, p);
            }
        }
    }

    private static void Widen(double[] lo, double[] hi, int axis, double value)
    {
        lo[axis] = Math.Min(lo[axis], value);
        hi[axis] = Math.Max(hi[axis], value);
    }

    private static int Clip(double value, int last) => (int)Math.Clamp(value, 0, last);
}
