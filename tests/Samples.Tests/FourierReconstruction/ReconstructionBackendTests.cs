using Oompa.Algorithms.Reconstruction.Phantom;
using Oompa.Algorithms.Reconstruction.Symmetry;
using Oompa.Core.Devices;
using Oompa.Core.Devices.OpenCl;
using Oompa.Samples.FourierReconstruction.Pipeline;
using Oompa.Scheduler;
using Oompa.Scheduler.Workers;
using Xunit.Abstractions;

namespace Oompa.Samples.Tests.FourierReconstruction;

/// <summary>
/// The cpu, opencl and auto backends reconstruct the same projections into the same map. The insertion kernels agree
/// with the CPU within the conformance tolerance (~10⁻³ relative per voxel, float sums in another order); the maps are
/// asserted within 10⁻⁴ of the map maximum. OpenCL is a CI requirement (pocl), so a missing device fails, as in the
/// other OpenCL suites.
/// </summary>
public sealed class ReconstructionBackendTests(ITestOutputHelper output)
{
    private const int Size = 32;
    private const double Tolerance = 1e-4;

    [Theory]
    [InlineData("C1", 240)]
    [InlineData("D2", 60)]
    public void Cpu_opencl_and_auto_backends_give_the_same_map(string symmetry, int projections)
    {
        var angles = Orientations.Random(projections, 7);
        var settings = new ReconstructionSettings(Symmetry: SymmetryGroup.Parse(symmetry), BatchSize: 8);
        var device = new CpuDevice(2);
        var cpu = PhantomReconstruction.Run(Size, angles, settings, provider: new AlgorithmProvider(device));
        var openCl = PhantomReconstruction.Run(Size, angles, settings, provider: new AlgorithmProvider(device, openCl: OpenClDevices.Require()));
        var staged = PhantomReconstruction.Run(Size, angles, settings, provider: new AlgorithmProvider(device, openCl: OpenClDevices.Require(), deviceAccumulators: false));
        var options = new RuntimeOptions { Workers = CpuWorker.Split(2), PersistModels = false, Policy = "dmda" }.WithOpenCl([OpenClDevices.Require()]);
        using var runtime = new TaskRuntime(options);
        var auto = PhantomReconstruction.Run(Size, angles, settings, provider: new AlgorithmProvider(device, runtime));

        double scale = cpu.Map.Max(Math.Abs);
        double openClError = MaxDifference(cpu.Map, openCl.Map) / scale;
        double stagedError = MaxDifference(cpu.Map, staged.Map) / scale;
        double autoError = MaxDifference(cpu.Map, auto.Map) / scale;
        var workers = runtime.Summary().Workers;
        output.WriteLine($"{symmetry}, {projections} projections: max |map − cpu| / max |cpu|: opencl {openClError:E2}, opencl staged {stagedError:E2}, auto {autoError:E2}; " +
            $"correlation with the phantom cpu {cpu.Correlation:F5} opencl {openCl.Correlation:F5} auto {auto.Correlation:F5}; tasks: {string.Join(", ", workers.Select(w => $"{w.Name} {w.Tasks}"))}");
        Assert.InRange(openClError, 0, Tolerance);
        Assert.InRange(stagedError, 0, Tolerance);
        Assert.InRange(autoError, 0, Tolerance);
        Assert.InRange(workers.Sum(w => w.Tasks), projections / settings.BatchSize, (projections / settings.BatchSize) + 4);   // + the runtime's combine tasks
        Assert.True(workers.Count(w => w.Tasks > 0) > 1, "auto ran every batch on one worker.");
        Assert.Contains(workers, w => w.Name.StartsWith("opencl", StringComparison.Ordinal));
    }

    [Fact]
    public void Create_names_every_backend_and_refuses_others()
    {
        var device = new CpuDevice(1);
        Assert.Equal(["cpu", "opencl", "auto"], AlgorithmProvider.Backends);
        using (var cpu = AlgorithmProvider.Create("cpu", device))
        {
            Assert.Equal("cpu", cpu.Backend);
        }

        using (var openCl = AlgorithmProvider.Create("opencl", device))
        {
            Assert.Equal("opencl", openCl.Backend);
            Assert.True(openCl.DeviceAccumulators);
        }

        using (var auto = AlgorithmProvider.Create("auto", device, runtimeOptions: new RuntimeOptions { Workers = CpuWorker.Split(1), PersistModels = false }))
        {
            // By default only GPUs and accelerators join (pocl would compete with the CPU workers for the same cores).
            Assert.Equal("auto", auto.Backend);
            Assert.Equal(OpenClDevices.Accelerators.Count, auto.Runtime!.Workers.Count(w => w is OpenClWorker));
        }

        var withPocl = new RuntimeOptions { Workers = CpuWorker.Split(1), PersistModels = false }.WithOpenCl([OpenClDevices.Require()]);
        using (var auto = AlgorithmProvider.Create("auto", device, runtimeOptions: withPocl))
        {
            Assert.Contains(auto.Runtime!.Workers, w => w is OpenClWorker);
        }

        var e = Assert.Throws<ArgumentException>(() => AlgorithmProvider.Create("cuda", device));
        Assert.Contains("available: cpu, opencl, auto", e.Message, StringComparison.Ordinal);
    }

    private static double MaxDifference(float[] a, float[] b)
    {
        double worst = 0;
        for (int i = 0; i < a.Length; i++)
        {
            worst = Math.Max(worst, Math.Abs(a[i] - b[i]));
        }

        return worst;
    }
}
