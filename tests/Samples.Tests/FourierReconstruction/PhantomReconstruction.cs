using Oompa.Algorithms.Reconstruction.Geometry;
using Oompa.Algorithms.Reconstruction.Phantom;
using Oompa.Core.Devices;
using Oompa.Samples.FourierReconstruction.Pipeline;
using Oompa.Samples.FourierReconstruction.Quality;

namespace Oompa.Samples.Tests.FourierReconstruction;

/// <summary>Reconstructs a Gaussian phantom from its exact projections and measures the result against it.</summary>
public static class PhantomReconstruction
{
    public sealed record Outcome(float[] Map, float[] Truth, double Correlation, double[] Fsc, FourierReconstructor Reconstructor)
    {
        /// <summary>The lowest FSC over shells up to <paramref name="fractionOfNyquist"/> of Nyquist.</summary>
        public double MinFscUpTo(double fractionOfNyquist)
        {
            int last = (int)Math.Floor(fractionOfNyquist * (Fsc.Length - 1));
            return Fsc.Take(last + 1).Min();
        }
    }

    public static Outcome Run(int size, EulerAngles[] angles, ReconstructionSettings settings, int seed = 5, Func<int, (double X, double Y)>? origins = null, CpuDevice? device = null, GaussianPhantom? phantom = null, AlgorithmProvider? provider = null)
    {
        phantom ??= GaussianPhantom.Random(size, seed);
        var truth = new float[size * size * size];
        phantom.Sample(truth, size);
        provider ??= new AlgorithmProvider(device ?? CpuDevice.Default);
        var reconstructor = new FourierReconstructor(size, settings, provider);
        var image = new float[size * size];
        for (int k = 0; k < angles.Length; k++)
        {
            var (ox, oy) = origins?.Invoke(k) ?? (0, 0);
            phantom.Project(angles[k].ToMatrix(), image, size, ox, oy);
            reconstructor.Add(image, angles[k], ox, oy);
        }

        var map = new float[truth.Length];
        reconstructor.Finish(map);
        reconstructor.Dispose();
        return new Outcome(map, truth, VolumeComparison.Correlation(map, truth), VolumeComparison.Fsc(map, truth, size), reconstructor);
    }
}
