using System.Globalization;
using Oompa.Algorithms.Reconstruction.Geometry;
using Oompa.Algorithms.Reconstruction.Phantom;
using Oompa.Core.Data;
using Oompa.Core.IO.Mrc;
using Oompa.Core.IO.Star;

namespace Oompa.Samples.FourierReconstruction.Phantom;

/// <summary>
/// Writes a RELION 3.1 particle set of exact, noiseless projections of a <see cref="GaussianPhantom"/> (a stack
/// <c>particles.mrcs</c> and <c>particles.star</c> with <c>data_optics</c> and <c>data_particles</c>) plus the phantom
/// itself (<c>phantom.mrc</c>), for tests and for trying <c>oompa reconstruct</c>. Orientations are uniform random;
/// origins are random sub-pixel shifts within ±maxOrigin pixels, written in Å
/// (<c>_rlnOriginXAngst</c>) or, with originsInPixels, in pixels (<c>_rlnOriginX</c>).
/// </summary>
public static class PhantomDataset
{
    /// <summary>Writes the data set into <paramref name="folder"/> (created when missing); returns the STAR path.</summary>
    public static string Write(string folder, int size, int count, int seed, double pixelSize = 1.5, double maxOrigin = 3, bool originsInPixels = false, GaussianPhantom? phantom = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(folder);
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        Directory.CreateDirectory(folder);
        phantom ??= GaussianPhantom.Random(size, seed);
        var volume = new float[size * size * size];
        phantom.Sample(volume, size);
        MrcFile.Write(Path.Combine(folder, "phantom.mrc"), volume, new Size(size, size, size), new MrcWriteOptions { PixelSize = (float)pixelSize });

        var angles = Orientations.Random(count, seed + 1);
        var rng = new Random(seed + 2);
        var stack = new float[count * size * size];
        var origins = new (double X, double Y)[count];
        for (int k = 0; k < count; k++)
        {
            origins[k] = ((rng.NextDouble() * 2 - 1) * maxOrigin, (rng.NextDouble() * 2 - 1) * maxOrigin);
            phantom.Project(angles[k].ToMatrix(), stack.AsSpan(k * size * size, size * size), size, origins[k].X, origins[k].Y);
        }

        MrcFile.Write(Path.Combine(folder, "particles.mrcs"), stack, new Size(size, size, 1, count), new MrcWriteOptions { PixelSize = (float)pixelSize });
        var star = Star(size, pixelSize, angles, origins, originsInPixels);
        string path = Path.Combine(folder, "particles.star");
        star.Write(path);
        return path;
    }

    private static StarFile Star(int size, double pixelSize, EulerAngles[] angles, (double X, double Y)[] origins, bool originsInPixels)
    {
        var star = new StarFile();
        var optics = star.Add(StarBlock.CreateLoop("optics", "rlnOpticsGroup", "rlnOpticsGroupName", "rlnImagePixelSize", "rlnImageSize", "rlnImageDimensionality"));
        optics.AddRow("1", "opticsGroup1", Format(pixelSize), Format(size), "2");
        string ox = originsInPixels ? "rlnOriginX" : "rlnOriginXAngst", oy = originsInPixels ? "rlnOriginY" : "rlnOriginYAngst";
        var particles = star.Add(StarBlock.CreateLoop("particles", "rlnImageName", "rlnAngleRot", "rlnAngleTilt", "rlnAnglePsi", ox, oy, "rlnOpticsGroup"));
        double scale = originsInPixels ? 1 : pixelSize;
        for (int k = 0; k < angles.Length; k++)
        {
            particles.AddRow(
                new StarImageName(k + 1, "particles.mrcs").ToString(),
                Format(angles[k].Rot), Format(angles[k].Tilt), Format(angles[k].Psi),
                Format(origins[k].X * scale), Format(origins[k].Y * scale), "1");
        }

        return star;
    }

    private static string Format(double value) => value.ToString("R", CultureInfo.InvariantCulture);
}
