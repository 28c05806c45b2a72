using Oompa.Algorithms.Fft;
using Oompa.Algorithms.FourierProcessing;
using Oompa.Algorithms.Reconstruction;
using Oompa.Algorithms.Reconstruction.Insertion;
using Oompa.Algorithms.Reconstruction.Preprocessing;
using Oompa.Core.Data;
using Oompa.Core.Devices;
using Processing = Oompa.Algorithms.FourierProcessing.FourierProcessing;

namespace Oompa.Algorithms.Tests.Reconstruction;

public sealed class ProjectionPreprocessorTests
{
    private static ProjectionPreprocessor Create(ReconstructionGeometry geometry, int capacity)
    {
        var cpu = new CpuDevice(2);
        return new ProjectionPreprocessor(geometry, capacity, new FourierTransform(FourierTransformStrategies.Cpu(cpu)), new Processing(FourierProcessingStrategies.Cpu(cpu)));
    }

    [Theory]
    [InlineData(16, 2.0, 0.5)]
    [InlineData(15, 2.0, 0.5)]
    [InlineData(20, 1.5, 0.25)]
    public void A_delta_at_the_centre_gives_the_constant_one_over_p_squared_inside_the_resolution_disk(int x, double pad, double maxRes)
    {
        var geometry = ReconstructionGeometry.For(x, pad, maxRes);
        using var pre = Create(geometry, 2);
        var images = new float[2 * x * x];
        images[(x / 2) + (x * (x / 2))] = 1;   // image 0: delta at the centre; image 1: empty
        pre.Process(images, 2, new double[4]);

        Assert.Equal(FourierInsertion.SpectraDescriptor(geometry.HalfSize, 2), pre.Spectra.Descriptor);
        var spectra = pre.Spectra.AsSpan<ComplexF>();
        var layout = pre.Spectra.Descriptor.Layout;
        int r = geometry.HalfSize, p = geometry.PaddedSize;
        for (int j = 0; j <= 2 * r; j++)
        {
            for (int i = 0; i <= r; i++)
            {
                double f = Math.Sqrt((i * i) + ((j - r) * (j - r))) / p;
                var value = spectra[(int)layout.Offset(i, j, 0, 0)];
                float expected = f <= maxRes ? 1f / (p * p) : 0f;
                Assert.Equal(expected, value.Re, 1e-7f);
                Assert.Equal(0f, value.Im, 1e-7f);
                Assert.Equal(default, spectra[(int)layout.Offset(i, j, 0, 1)]);
            }
        }
    }

    [Theory]
    [InlineData(3, -2)]
    [InlineData(0, 5)]
    [InlineData(-4, 1)]
    public void The_origin_phase_ramp_moves_a_translated_image_back_to_the_centre(int ox, int oy)
    {
        // The image is the centred projection translated by −o (RELION): a centred delta appears at c − o. With the
        // origin o, preprocessing must give the centred delta's spectrum.
        const int X = 16;
        var geometry = ReconstructionGeometry.For(X);
        using var pre = Create(geometry, 1);
        var image = new float[X * X];
        image[(X / 2) - ox + (X * ((X / 2) - oy))] = 1;
        pre.Process(image, 1, [ox, oy]);
        float expected = 1f / (geometry.PaddedSize * geometry.PaddedSize);
        foreach (var value in pre.Spectra.AsSpan<ComplexF>())
        {
            if (value != default)
            {
                Assert.Equal(expected, value.Re, 2e-7f);
                Assert.Equal(0f, value.Im, 2e-7f);
            }
        }
    }

    [Fact]
    public void Geometry_keeps_even_fast_padded_sizes_and_leaves_out_the_nyquist_row()
    {
        var g = ReconstructionGeometry.For(64);
        Assert.Equal((128, 63, 127), (g.PaddedSize, g.HalfSize, g.VolumeSide));
        var odd = ReconstructionGeometry.For(65, 2, 0.25);
        Assert.True(odd.PaddedSize >= 130 && odd.PaddedSize % 2 == 0 && FastSize.IsFast(odd.PaddedSize));
        Assert.Equal((int)Math.Ceiling(0.25 * odd.PaddedSize), odd.HalfSize);
        Assert.Throws<ArgumentOutOfRangeException>(() => ReconstructionGeometry.For(64, 0.5));
        Assert.Throws<ArgumentOutOfRangeException>(() => ReconstructionGeometry.For(64, 2, 0.6));
    }
}
