namespace Oompa.Samples.FourierReconstruction.Input;

/// <summary>Every particle of a STAR file, checked against its image stacks: all images exist and are ImageSize².</summary>
/// <param name="Source">The STAR file.</param>
/// <param name="Particles">The particles in file order.</param>
/// <param name="ImageSize">The side of the (square) images.</param>
/// <param name="PixelSize">The pixel size in Å (from <c>data_optics</c>, else the first stack's header, else 1).</param>
public sealed record ParticleSet(string Source, IReadOnlyList<Particle> Particles, int ImageSize, double PixelSize);
