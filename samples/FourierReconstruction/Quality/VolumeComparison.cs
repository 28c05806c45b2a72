using Oompa.Algorithms.Fft;
using Oompa.Core.Data;
using Oompa.Core.Devices;
using Oompa.Core.Memory;

namespace Oompa.Samples.FourierReconstruction.Quality;

/// <summary>How well a reconstruction matches a reference map: Pearson correlation and the Fourier shell correlation.</summary>
public static class VolumeComparison
{
    /// <summary>The Pearson correlation of two equally long maps (1 for maps equal up to scale and offset).</summary>
    public static double Correlation(ReadOnlySpan<float> a, ReadOnlySpan<float> b)
    {
        if (a.Length != b.Length || a.Length == 0)
        {
            throw new ArgumentException($"The maps have {a.Length} and {b.Length} values; they must be equally long and not empty.", nameof(b));
        }

        double ma = 0, mb = 0;
        for (int i = 0; i < a.Length; i++)
        {
            ma += a[i];
            mb += b[i];
        }

        ma /= a.Length;
        mb /= b.Length;
        double ab = 0, aa = 0, bb = 0;
        for (int i = 0; i < a.Length; i++)
        {
            double da = a[i] - ma, db = b[i] - mb;
            ab += da * db;
            aa += da * da;
            bb += db * db;
        }

        return ab / Math.Sqrt(aa * bb);
    }

    /// <summary>
    /// The Fourier shell correlation of two X³ maps: element s (0..X/2) over the coefficients with round(|k|) = s,
    /// frequency s/X cycles per pixel, <c>Re Σ F₁·conj(F₂) / sqrt(Σ|F₁|²·Σ|F₂|²)</c>.
    /// </summary>
    public static double[] Fsc(ReadOnlySpan<float> a, ReadOnlySpan<float> b, int size)
    {
        var fa = Spectrum(a, size);
        var fb = Spectrum(b, size);
        int shells = (size / 2) + 1, columns = (size / 2) + 1;
        var cross = new double[shells];
        var pa = new double[shells];
        var pb = new double[shells];
        for (int z = 0; z < size; z++)
        {
            int kz = z <= size / 2 ? z : z - size;
            for (int y = 0; y < size; y++)
            {
                int ky = y <= size / 2 ? y : y - size;
                for (int x = 0; x < columns; x++)
                {
                    int s = (int)Math.Round(Math.Sqrt((x * x) + (ky * ky) + (kz * kz)));
                    if (s >= shells)
                    {
                        continue;
                    }

                    int i = x + (columns * (y + (size * z)));
                    var u = fa[i];
                    var v = fb[i];
                    cross[s] += (u.Re * (double)v.Re) + (u.Im * (double)v.Im);
                    pa[s] += u.MagnitudeSquared;
                    pb[s] += v.MagnitudeSquared;
                }
            }
        }

        var fsc = new double[shells];
        for (int s = 0; s < shells; s++)
        {
            fsc[s] = cross[s] / Math.Sqrt(pa[s] * pb[s]);
        }

        return fsc;
    }

    private static ComplexF[] Spectrum(ReadOnlySpan<float> map, int size)
    {
        if (map.Length != (long)size * size * size)
        {
            throw new ArgumentException($"A {size}³ map needs {(long)size * size * size} values, not {map.Length}.", nameof(map));
        }

        var spatial = FourierDescriptor.ForSpatial(new Size(size, size, size));
        using var input = OwnedPayload<FourierDescriptor>.Allocate(HostAllocator.Shared, spatial, DataType.Float32);
        using var output = OwnedPayload<FourierDescriptor>.Allocate(HostAllocator.Shared, spatial.ToFrequency(), DataType.Complex32);
        map.CopyTo(input.AsSpan<float>());
        using var fft = new FourierTransform(FourierTransformStrategies.Cpu(CpuDevice.Default));
        fft.Init(new(output.Payload), new(input.Payload), FourierTransformSettings.Forward).ThrowIfFailed();
        fft.Execute(new(output.Payload), new(input.Payload));
        return output.AsSpan<ComplexF>().ToArray();
    }
}
