namespace Oompa.Core.IO.Mrc;

/// <summary>Reorders data stored in a file's column/row/section order into X-fastest order.</summary>
internal static class MrcAxisOrder
{
    /// <summary>
    /// Returns a copy of <paramref name="fileOrder"/> (columns fastest, then rows, then sections) in X-fastest order: the
    /// element at column c, row r, section s lands at X, Y, Z coordinates where axis <c>MapC</c> is c, <c>MapR</c> is r and
    /// <c>MapS</c> is s.
    /// </summary>
    public static T[] ToXFastest<T>(T[] fileOrder, MrcHeader header)
    {
        var (x, y, _) = header.SpatialExtent;
        Span<long> strides = [1, x, (long)x * y];
        long strideC = strides[header.MapC - 1], strideR = strides[header.MapR - 1], strideS = strides[header.MapS - 1];
        var result = new T[fileOrder.Length];
        long i = 0;
        for (long s = 0; s < header.Nz; s++)
        {
            for (long r = 0; r < header.Ny; r++)
            {
                long rowBase = (s * strideS) + (r * strideR);
                for (long c = 0; c < header.Nx; c++)
                {
                    result[rowBase + (c * strideC)] = fileOrder[i++];
                }
            }
        }

        return result;
    }
}
