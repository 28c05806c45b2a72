namespace Oompa.Algorithms.Reconstruction.Insertion;

/// <summary>
/// The volume plane a traverse space iterates over: the plane perpendicular to the largest component of the slice's
/// normal, so the projected area is largest and every line across the slab is short. The third axis is solved from
/// the slice's plane equation.
/// </summary>
public enum TraverseDirection
{
    /// <summary>Iterate x and y; solve z (|n.z| is the largest component).</summary>
    XY = 0,

    /// <summary>Iterate x and z; solve y (|n.y| is the largest component).</summary>
    XZ = 1,

    /// <summary>Iterate y and z; solve x (|n.x| is the largest component).</summary>
    YZ = 2,
}
