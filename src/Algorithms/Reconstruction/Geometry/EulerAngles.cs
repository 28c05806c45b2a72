namespace Oompa.Algorithms.Reconstruction.Geometry;

/// <summary>
/// A projection direction as ZYZ Euler angles in degrees, in the convention of RELION and Xmipp
/// (<c>_rlnAngleRot</c>, <c>_rlnAngleTilt</c>, <c>_rlnAnglePsi</c>): the matrix <see cref="ToMatrix"/> maps volume
/// coordinates to projection coordinates, so a projection at these angles sums the rotated volume along its z axis.
/// </summary>
/// <param name="Rot">First rotation about z, in degrees.</param>
/// <param name="Tilt">Rotation about the new y axis, in degrees.</param>
/// <param name="Psi">Last rotation about the new z axis (in-plane), in degrees.</param>
public readonly record struct EulerAngles(double Rot, double Tilt, double Psi)
{
    /// <summary>
    /// The rotation matrix <c>A</c> of RELION's <c>Euler_angles2matrix</c>: rows are the projection's x, y and z axes
    /// expressed in volume coordinates; <c>p = A·r</c> takes a volume point <c>r</c> to projection coordinates.
    /// </summary>
    public Matrix3 ToMatrix()
    {
        double a = Rot * Math.PI / 180, b = Tilt * Math.PI / 180, g = Psi * Math.PI / 180;
        double ca = Math.Cos(a), sa = Math.Sin(a), cb = Math.Cos(b), sb = Math.Sin(b), cg = Math.Cos(g), sg = Math.Sin(g);
        double cc = cb * ca, cs = cb * sa, sc = sb * ca, ss = sb * sa;
        return new Matrix3(
            cg * cc - sg * sa, cg * cs + sg * ca, -cg * sb,
            -sg * cc - cg * sa, -sg * cs + cg * ca, sg * sb,
            sc, ss, cb);
    }

    /// <summary>
    /// The Euler angles of a rotation matrix, inverse of <see cref="ToMatrix"/> (RELION's <c>Euler_matrix2angles</c>):
    /// tilt in [0, 180]; when tilt is 0 or 180 the rotation about z is put entirely into psi and rot is 0.
    /// </summary>
    public static EulerAngles FromMatrix(Matrix3 m)
    {
        const double epsilon = 1e-9; // below this sin(tilt) counts as zero and rot is folded into psi
        var sb = Math.Sqrt(m.M20 * m.M20 + m.M21 * m.M21);
        double rot, tilt, psi;
        if (sb > epsilon)
        {
            psi = Math.Atan2(m.M12, -m.M02);
            rot = Math.Atan2(m.M21, m.M20);
            tilt = Math.Atan2(sb, m.M22);
        }
        else
        {
            rot = 0;
            tilt = m.M22 > 0 ? 0 : Math.PI;
            psi = m.M22 > 0 ? Math.Atan2(-m.M10, m.M00) : Math.Atan2(m.M10, -m.M00);
        }
        return new EulerAngles(rot * 180 / Math.PI, tilt * 180 / Math.PI, psi * 180 / Math.PI);
    }
}
