using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Oompa.Algorithms.Reconstruction.Symmetry;
using Oompa.Core.Data;
using Oompa.Core.Devices;
using Oompa.Core.IO.Mrc;
using Oompa.Samples.FourierReconstruction.Input;
using Oompa.Samples.FourierReconstruction.Pipeline;

namespace Oompa.Samples.FourierReconstruction;

/// <summary>
/// A whole reconstruction from a particles STAR file: check every input first (symmetry, backend, STAR columns and
/// values, stacks and sections), insert every particle, finish, and write the MRC volume with the pixel size
/// atomically. Input problems are <see cref="ReconstructionInputException"/>s, and nothing is written when a run fails.
/// </summary>
public static class ReconstructionJob
{
    /// <summary>Runs <paramref name="request"/>.</summary>
    /// <exception cref="ReconstructionInputException">The input or the settings cannot be reconstructed.</exception>
    public static ReconstructionSummary Run(ReconstructionRequest request, IProgress<ReconstructionProgress>? progress = null, ILoggerFactory? loggers = null)
    {
        ArgumentNullException.ThrowIfNull(request);
        var clock = Stopwatch.StartNew();
        var group = ParseSymmetry(request.Symmetry);
        if (!AlgorithmProvider.Backends.Contains(request.Backend, StringComparer.Ordinal))
        {
            throw new ReconstructionInputException($"Backend '{request.Backend}' is not available for reconstruction; available: {string.Join(", ", AlgorithmProvider.Backends)}.");
        }

        var device = new CpuDevice(request.Threads);
        float[] map;
        ParticleSet set;
        ReconstructionTimings timings;
        IReadOnlyList<WorkerTasks>? workers = null;
        using (var provider = CreateProvider(request.Backend, device, loggers))   // a missing device fails before any reading
        {
            progress?.Report(new ReconstructionProgress("read", 0, 1));
            set = ParticleStarReader.Read(request.ParticlesPath);
            progress?.Report(new ReconstructionProgress("read", 1, 1));
            var settings = new ReconstructionSettings(request.Padding, request.MaxResolution, group, request.Insertion, request.BatchSize);
            map = new float[set.ImageSize * set.ImageSize * set.ImageSize];
            using (var reconstructor = Create(set, settings, provider))
            {
                Insert(set, reconstructor, progress);
                progress?.Report(new ReconstructionProgress("finish", 0, 1));
                reconstructor.Finish(map);
                progress?.Report(new ReconstructionProgress("finish", 1, 1));
                timings = reconstructor.Timings;
            }

            workers = provider.Runtime?.Summary().Workers.Select(w => new WorkerTasks(w.Name, w.Tasks, w.BusySeconds)).ToList();
        }

        progress?.Report(new ReconstructionProgress("write", 0, 1));
        Write(request.OutputPath, map, set);
        progress?.Report(new ReconstructionProgress("write", 1, 1));
        return new ReconstructionSummary(request.OutputPath, set.Particles.Count, group.Name, group.Operators.Count, set.ImageSize, set.PixelSize,
            request.Backend, device.Threads, timings, clock.Elapsed.TotalSeconds, workers);
    }

    /// <summary>The group named <paramref name="name"/>, or an input error listing the accepted names.</summary>
    /// <exception cref="ReconstructionInputException">The name is not a supported group.</exception>
    public static SymmetryGroup ParseSymmetry(string name)
    {
        try
        {
            return SymmetryGroup.Parse(name);
        }
        catch (FormatException e)
        {
            throw new ReconstructionInputException($"Symmetry: {e.Message}", e);
        }
    }

    /// <summary>The provider of <paramref name="backend"/>; a missing OpenCL device is an input error naming the backend.</summary>
    /// <exception cref="ReconstructionInputException">The backend cannot run here.</exception>
    public static AlgorithmProvider CreateProvider(string backend, CpuDevice device, ILoggerFactory? loggers = null, Oompa.Scheduler.RuntimeOptions? runtimeOptions = null)
    {
        try
        {
            return AlgorithmProvider.Create(backend, device, loggers, runtimeOptions);
        }
        catch (InvalidOperationException e)
        {
            throw new ReconstructionInputException($"--backend {backend}: {e.Message}", e);
        }
        catch (ArgumentException e)
        {
            throw new ReconstructionInputException(e.Message.Split(" (Parameter")[0], e);
        }
    }

    private static FourierReconstructor Create(ParticleSet set, ReconstructionSettings settings, AlgorithmProvider provider)
    {
        try
        {
            return new FourierReconstructor(set.ImageSize, settings, provider);
        }
        catch (ArgumentOutOfRangeException e)
        {
            throw new ReconstructionInputException($"Cannot reconstruct {set.ImageSize}² images of '{set.Source}' with these settings: {e.Message.Split('\n')[0].Trim()}", e);
        }
    }

    private static void Insert(ParticleSet set, FourierReconstructor reconstructor, IProgress<ReconstructionProgress>? progress)
    {
        int size = set.ImageSize, total = set.Particles.Count, step = Math.Max(1, total / 100);
        var image = new float[size * size];
        var readers = new Dictionary<string, MrcReader>(StringComparer.Ordinal);
        progress?.Report(new ReconstructionProgress("insert", 0, total));
        try
        {
            for (int k = 0; k < total; k++)
            {
                var particle = set.Particles[k];
                if (!readers.TryGetValue(particle.StackPath, out var reader))
                {
                    reader = MrcReader.Open(particle.StackPath);
                    readers[particle.StackPath] = reader;
                }

                reader.ReadSections(particle.Section, 1, image);
                try
                {
                    reconstructor.Add(image, particle.Angles, particle.OriginX, particle.OriginY);
                }
                catch (ArgumentException e)
                {
                    throw new ReconstructionInputException($"'{set.Source}', row {particle.Row}: image {particle.Section + 1} of '{particle.StackPath}': {e.Message.Split(" (Parameter")[0]}", e);
                }

                if ((k + 1) % step == 0 || k + 1 == total)
                {
                    progress?.Report(new ReconstructionProgress("insert", k + 1, total));
                }
            }
        }
        finally
        {
            foreach (var reader in readers.Values)
            {
                reader.Dispose();
            }
        }
    }

    private static void Write(string path, float[] map, ParticleSet set)
    {
        string? folder = Path.GetDirectoryName(Path.GetFullPath(path));
        if (folder is not null)
        {
            Directory.CreateDirectory(folder);
        }

        var options = new MrcWriteOptions { PixelSize = (float)set.PixelSize, Labels = [$"Oompa Fourier reconstruction of {Path.GetFileName(set.Source)}"] };
        MrcFile.Write(path, map, new Size(set.ImageSize, set.ImageSize, set.ImageSize), options);
    }
}
