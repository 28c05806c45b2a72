using Oompa.Algorithms.Reconstruction.Geometry;
using Oompa.Algorithms.Reconstruction.Phantom;

namespace Oompa.Algorithms.Tests.Reconstruction;

public sealed class PhantomTests
{
    [Fact]
    public void Analytic_projections_conserve_mass_and_agree_with_ray_sums_of_the_sampled_volume()
    {
        const int N = 32;
        var phantom = GaussianPhantom.Random(N, 4);
        var volume = new float[N * N * N];
        phantom.Sample(volume, N);
        double mass = volume.Sum(v => (double)v);
        foreach (var angles in Orientations.Random(4, 5))
        {
            var exact = new float[N * N];
            var rays = new float[N * N];
            phantom.Project(angles.ToMatrix(), exact, N);
            RealSpaceProjector.Project(volume, N, angles.ToMatrix(), rays);
            Assert.Equal(mass, exact.Sum(v => (double)v), mass * 1e-4);
            Assert.True(Correlation(exact, rays) > 0.995, $"{angles}: {Correlation(exact, rays):F5}");
        }
    }

    [Fact]
    public void Origins_translate_the_image_by_minus_the_origin()
    {
        const int N = 24;
        var phantom = new GaussianPhantom([new GaussianComponent(new Vector3d(0, 0, 0), new Matrix3(4, 0, 0, 0, 4, 0, 0, 0, 4), 1)]);
        var image = new float[N * N];
        phantom.Project(Matrix3.Identity, image, N, originX: 3, originY: -2);
        int peak = Array.IndexOf(image, image.Max());
        Assert.Equal((N / 2) - 3, peak % N);
        Assert.Equal((N / 2) + 2, peak / N);
    }

    [Fact]
    public void Phantoms_and_orientations_are_deterministic_and_even_orientations_cover_the_sphere()
    {
        Assert.Equal(GaussianPhantom.Random(32, 9).Components, GaussianPhantom.Random(32, 9).Components);
        Assert.Equal(Orientations.Random(5, 1), Orientations.Random(5, 1));
        var even = Orientations.Even(1000, 1);
        double meanZ = even.Average(e => Math.Cos(e.Tilt * Math.PI / 180));
        Assert.InRange(meanZ, -0.01, 0.01);
        foreach (var m in Orientations.RandomRotations(10, 2))
        {
            Assert.Equal(1, m.Determinant(), 9);
        }
    }

    private static double Correlation(float[] a, float[] b)
    {
        double ma = a.Average(v => (double)v), mb = b.Average(v => (double)v), ab = 0, aa = 0, bb = 0;
        for (int i = 0; i < a.Length; i++)
        {
            ab += (a[i] - ma) * (b[i] - mb);
            aa += (a[i] - ma) * (a[i] - ma);
            bb += (b[i] - mb) * (b[i] - mb);
        }

        return ab / Math.Sqrt(aa * bb);
    }
}
