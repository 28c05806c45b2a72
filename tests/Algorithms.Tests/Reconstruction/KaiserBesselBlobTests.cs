using Oompa.Algorithms.Reconstruction.Blob;
using Oompa.Algorithms.Tests.Reconstruction.Insertion;

namespace Oompa.Algorithms.Tests.Reconstruction;

public sealed class KaiserBesselBlobTests
{
    [Theory]
    [InlineData(1.9, 0, 15)]
    [InlineData(1.9, 2, 10.4)]
    [InlineData(2.5, 4, 3)]
    [InlineData(1, 1, 20)]
    public void Values_and_weights_match_an_independent_evaluation(double radius, int order, double alpha)
    {
        var blob = new KaiserBesselBlob(radius, order, alpha);
        var reference = new ReferenceBlob(radius, order, alpha);
        Assert.Equal(1.0, blob.Value(0), 12);
        Assert.Equal(0.0, blob.Value(radius * 1.0001));
        for (int k = 0; k <= 20; k++)
        {
            double r = radius * k / 20;
            Assert.Equal(reference.Value(r), blob.Value(r), 1e-12);
            double expected = ReferenceBlob.BesselIByIntegral(order, alpha * Math.Sqrt(Math.Max(0, 1 - ((r / radius) * (r / radius)))));
            Assert.Equal(expected, ReferenceBlob.BesselI(order, alpha * Math.Sqrt(Math.Max(0, 1 - ((r / radius) * (r / radius))))), 1e-12 * Math.Max(1, Math.Abs(expected)));
        }

        // Unit integral: 1/B̂(0) against a numerical radial integral of b.
        Assert.Equal(reference.Integral, 1 / blob.Iw0, reference.Integral * 1e-7);
        Assert.Equal(reference.Weight(0.5), blob.Weight(0.5), reference.Weight(0.5) * 1e-7);
    }

    [Theory]
    [InlineData(1.9, 0, 15, 0.3)]
    [InlineData(1.9, 0, 15, 0.9)]    // 2πaw > α: the J branch
    [InlineData(2.5, 3, 6, 0.2)]
    [InlineData(2.5, 3, 6, 0.6)]
    public void The_fourier_transform_matches_a_numerical_radial_integral(double radius, int order, double alpha, double w)
    {
        var blob = new KaiserBesselBlob(radius, order, alpha);
        // B̂(w) = 4π ∫ r² b(r) sinc(2πwr) dr for a radial function.
        double expected = ReferenceBlob.RadialIntegral(r => blob.Value(r) * (r == 0 ? 1 : Math.Sin(2 * Math.PI * w * r) / (2 * Math.PI * w * r)), radius);
        Assert.Equal(expected, blob.FourierTransform(w), Math.Abs(expected) * 1e-6 + 1e-9 * blob.FourierTransform(0));
    }

    [Fact]
    public void The_table_is_sampled_in_squared_distance()
    {
        var blob = new KaiserBesselBlob(1.9, 0, 15);
        var table = new float[101];
        blob.FillTable(table);
        Assert.Equal((float)blob.Weight(0), table[0]);
        Assert.Equal((float)blob.Weight(1.9 * 1.9 * 0.37), table[37]);
        Assert.Equal((float)blob.Weight(1.9 * 1.9), table[100]);
        Assert.Throws<ArgumentException>(() => blob.FillTable(new float[1]));
        Assert.Throws<ArgumentOutOfRangeException>(() => new KaiserBesselBlob(1.9, 5, 15));
        Assert.Throws<ArgumentOutOfRangeException>(() => new KaiserBesselBlob(0, 0, 15));
    }
}
