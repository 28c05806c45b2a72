using Oompa.Algorithms.Reconstruction.Geometry;

namespace Oompa.Algorithms.Reconstruction.Phantom;

/// <summary>
/// One anisotropic 3D Gaussian of a <see cref="GaussianPhantom"/>:
/// <c>g(r) = Amplitude·exp(−½·(r − Centre)ᵀ·Σ⁻¹·(r − Centre))</c>, positions in voxels relative to the volume centre.
/// </summary>
/// <param name="Centre">The centre, in voxels from the volume centre (X/2, Y/2, Z/2).</param>
/// <param name="Covariance">Σ, symmetric positive definite, in voxels².</param>
/// <param name="Amplitude">The peak value.</param>
public readonly record struct GaussianComponent(Vector3d Centre, Matrix3 Covariance, double Amplitude);
