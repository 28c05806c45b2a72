using Oompa.Core.Devices;
using Oompa.Core.Devices.OpenCl;
using Oompa.Samples.FlexAlign.Global;
using Oompa.Samples.FlexAlign.Movie;
using Oompa.Samples.FlexAlign.Phantom;
using Oompa.Samples.Tests.Support;
using Oompa.Scheduler;
using Oompa.Scheduler.Workers;
using Xunit.Abstractions;

namespace Oompa.Samples.Tests.Global;

/// <summary>
/// The cpu, opencl and auto (scheduler) backends align the same movie to the same shifts (issue: within 0.01 px) and
/// give the same aligned sum. One phantom for all three, aligned once per backend.
/// </summary>
public sealed class BackendAgreementTests(ITestOutputHelper output)
{
    private static readonly GlobalAlignmentSettings Settings = new() { MaxShift = 20, MaxResolution = 8, FftBatch = 2, CorrelationBlock = 3 };

    private static readonly Lazy<PhantomMovie> Movie = new(() => PhantomGenerator.Generate(new PhantomSettings
    {
        Width = 256, Height = 256, Frames = 7, DriftScale = 10, Seed = 3, MuBackground = 12.5, MuForeground = 10.5,
    }));

    private static readonly Lazy<GlobalAlignmentResult> Cpu = new(() => Align(new AlgorithmProvider(CpuDevice.Default)));

    [Fact]
    public void Cpu_and_opencl_backends_give_the_same_shifts_and_sum()
    {
        var openCl = Align(new AlgorithmProvider(CpuDevice.Default, openCl: OpenClDevices.Require()));
        AssertAgree("opencl", openCl);
    }

    [Fact]
    public void Cpu_and_auto_backends_give_the_same_shifts_and_sum()
    {
        // Four one-core CPU workers on this machine's cores: batches and block pairs run as tasks on several at once.
        using var runtime = new TaskRuntime(new RuntimeOptions { Workers = CpuWorker.Split(4), PersistModels = false, Policy = "dmda", Trace = true });
        var provider = AlgorithmProvider.Scheduled(runtime, CpuDevice.Default);
        Assert.Equal("auto", provider.Backend);
        Assert.Equal(4, provider.Concurrency);
        var auto = Align(provider);
        AssertAgree("auto", auto);

        var busy = runtime.Summary();
        output.WriteLine(busy.ToString());

        // Independent work became independent tasks: the 4 frame batches of pass 1 wait for no task, and more than
        // one worker ran tasks.
        var trace = runtime.Trace!;
        var waiting = trace.Edges.Select(e => e.To).ToHashSet();
        int roots = trace.Tasks.Count(t => !waiting.Contains(t.Id));
        output.WriteLine($"{trace.Tasks.Count} tasks, {trace.Edges.Count} dependencies, {roots} tasks that wait for none");
        Assert.True(roots >= 4, $"only {roots} tasks are independent of all others");
        Assert.True(busy.Workers.Count(w => w.Tasks > 0) >= 2, "only one worker ran tasks");
    }

    [Fact]
    public void Auto_on_an_opencl_worker_gives_the_cpu_shifts()
    {
        // The runtime with the OpenCL device (pocl in CI) as its only worker: every task runs there, so frames, spectra
        // and correlation maps move between host memory and the device's memory node through the runtime's replicas
        // (a mixed CPU + OpenCL runtime leaves the placement to the policy, which may keep everything on the CPU; the
        // scheduler's own tests cover mixed workers with random programs).
        var device = OpenClDevices.Require();
        using var runtime = new TaskRuntime(new RuntimeOptions { Workers = [], PersistModels = false, Policy = "dmda", Trace = true }.WithOpenCl([device]));
        var auto = Align(AlgorithmProvider.Scheduled(runtime, CpuDevice.Default));
        AssertAgree("auto (opencl worker)", auto);
        var summary = runtime.Summary();
        output.WriteLine(summary.ToString());
        var worker = Assert.Single(summary.Workers);
        Assert.Equal("opencl0", worker.Name);
        Assert.True(worker.Tasks > 0, "the OpenCL worker ran no task");

        // Correlation products and maps are transient: computed, transformed and searched on the device, never
        // copied home (they were 56 % of the bytes an H100 run moved back to the host).
        var maps = runtime.Trace!.Transfers.Where(t => t.Handle == "maps").ToList();
        Assert.NotEmpty(runtime.Trace.Transfers);
        Assert.DoesNotContain(maps, t => t.To == 0);
    }

    [Fact]
    public void Auto_with_the_eager_policy_gives_the_cpu_shifts()
    {
        using var runtime = new TaskRuntime(new RuntimeOptions { Workers = CpuWorker.Split(3), PersistModels = false, Policy = "eager" });
        AssertAgree("auto (eager)", Align(AlgorithmProvider.Scheduled(runtime, CpuDevice.Default)));
    }

    private void AssertAgree(string backend, GlobalAlignmentResult other)
    {
        var cpu = Cpu.Value;
        var truth = Movie.Value.CorrectiveShifts;
        double worst = cpu.CorrectiveShifts.Zip(other.CorrectiveShifts)
            .Max(p => Math.Max(Math.Abs(p.First.X - p.Second.X), Math.Abs(p.First.Y - p.Second.Y)));
        output.WriteLine($"largest shift difference cpu vs {backend}: {worst:E2} px; RMS vs truth cpu {Rms.Error(cpu.CorrectiveShifts, truth):F4}, {backend} {Rms.Error(other.CorrectiveShifts, truth):F4}");
        Assert.InRange(worst, 0, 0.01);
        Assert.Equal(cpu.Pairs.Count, other.Pairs.Count);

        var a = cpu.GetAlignedSum()!;
        var b = other.GetAlignedSum()!;
        double scale = a.Max(Math.Abs);
        double sumError = a.Zip(b).Max(p => Math.Abs(p.First - p.Second)) / scale;
        output.WriteLine($"aligned sums differ by {sumError:E2} of the largest value");
        Assert.InRange(sumError, 0, 1e-4);
    }

    private static GlobalAlignmentResult Align(AlgorithmProvider provider)
    {
        var movie = Movie.Value;
        return new GlobalAligner(provider).Align(
            new InMemoryFrameSource(movie.Frames, movie.Settings.Width, movie.Settings.Height, movie.Settings.Frames), Settings, computeSum: true);
    }
}
