using Oompa.Algorithms.Reconstruction.Geometry;

namespace Oompa.Samples.FourierReconstruction.Input;

/// <summary>One particle of a STAR file, resolved: where its image is, how it is oriented, how it is shifted.</summary>
/// <param name="Row">The row in the particles block, 1-based (for messages).</param>
/// <param name="StackPath">The image stack, resolved to a path that exists.</param>
/// <param name="Section">The 0-based section of the image in the stack.</param>
/// <param name="Angles">The orientation (<c>_rlnAngleRot/Tilt/Psi</c>).</param>
/// <param name="OriginX">The origin in pixels (<c>_rlnOriginX</c>, or <c>_rlnOriginXAngst</c> over the pixel size).</param>
/// <param name="OriginY">The origin in pixels along y.</param>
public sealed record Particle(int Row, string StackPath, int Section, EulerAngles Angles, double OriginX, double OriginY);
