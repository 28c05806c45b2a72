using Oompa.Algorithms.Fft;
using Oompa.Algorithms.Fft.Fftw;
using Oompa.Core.Algorithms;
using Oompa.Core.Data;
using Oompa.Core.Devices;

namespace Oompa.Algorithms.Tests.Fft;

/// <summary>White-box checks of the FFTW binding: plan cache, leases, wisdom files, version.</summary>
public sealed class FftwInternalsTests
{
    private static FftwPlanKey Key(int nx, int alignment = 0) => new(
        FftwKind.RealToComplex, Rank: 1, Nz: 1, Ny: 1, Nx: nx, HowMany: 3,
        InRowStride: 0, InRows: 0, InDist: nx, OutRowStride: 0, OutRows: 0, OutDist: (nx / 2) + 1,
        InPlace: false, InAlignment: alignment, OutAlignment: 0, Threads: 1, Flags: FftwFlags.Estimate);

    [Fact]
    public void Version_is_reported()
    {
        Assert.StartsWith("fftw-3", Fftw.Version, StringComparison.Ordinal);
        Assert.True(Fftw.IsAvailable);
        Assert.EndsWith($"fftw-wisdom-{Environment.MachineName}", Fftw.WisdomPath, StringComparison.Ordinal);
    }

    [Fact]
    public void The_cache_returns_the_same_plan_for_the_same_key_and_another_for_another_alignment()
    {
        var cache = new FftwPlanCache(idleCapacity: 1);
        using var a = cache.Acquire(Key(101))!;
        long created = FftwPlanner.PlansCreated;
        using var b = cache.Acquire(Key(101))!;
        Assert.Same(a.Plan, b.Plan);
        Assert.Equal(created, FftwPlanner.PlansCreated);

        int misaligned = FftwPlanner.AlignmentOf(4100);
        Assert.NotEqual(0, misaligned);
        using var c = cache.Acquire(Key(101, misaligned))!;
        Assert.NotSame(a.Plan, c.Plan);
        Assert.Equal(2, cache.Count);
    }

    [Fact]
    public void Released_plans_stay_cached_up_to_the_idle_capacity_and_are_destroyed_beyond_it()
    {
        var cache = new FftwPlanCache(idleCapacity: 1);
        var first = cache.Acquire(Key(60))!;
        var plan = first.Plan;
        first.Dispose();
        first.Dispose();
        using (var again = cache.Acquire(Key(60))!)
        {
            Assert.Same(plan, again.Plan);
        }

        cache.Acquire(Key(62))!.Dispose();
        Assert.Equal(1, cache.Count);
        Assert.True(plan.IsClosed);
        cache.TrimIdle();
        Assert.Equal(0, cache.Count);
    }

    [Fact]
    public void Algorithms_with_equal_requests_share_one_cached_plan()
    {
        var size = new Size(77, 5, 1, 2);
        var spatial = FourierDescriptor.ForSpatial(size);
        var frequency = FourierTransform.OutputDescriptor(spatial, FourierTransformSettings.Forward);
        var output = new FourierTransformOutput(Payload<FourierDescriptor>.Describe(frequency, DataType.Complex32));
        var input = new FourierTransformInput(Payload<FourierDescriptor>.Describe(spatial, DataType.Float32));
        var factory = FourierTransformStrategies.Cpu(new CpuDevice(1)).Single(f => f.Name == FourierTransformStrategies.CpuSingleThreaded);
        using var first = new FourierTransform([factory]);
        first.Init(output, input, FourierTransformSettings.Forward).ThrowIfFailed();
        long created = FftwPlanner.PlansCreated;
        using var second = new FourierTransform([factory]);
        second.Init(output, input, FourierTransformSettings.Forward).ThrowIfFailed();
        Assert.Equal(created, FftwPlanner.PlansCreated);
    }

    [Fact]
    public void Wisdom_is_exported_atomically_and_imported_back()
    {
        string folder = Path.Combine(Path.GetTempPath(), $"oompa-wisdom-{Guid.NewGuid():N}");
        try
        {
            var wisdom = new FftwWisdom(Path.Combine(folder, "nested", "fftw-wisdom-test"));
            Assert.False(FftwPlanner.Import(wisdom));
            Assert.True(FftwPlanner.Export(wisdom));
            Assert.True(File.Exists(wisdom.Path));
            Assert.StartsWith("(fftw-3", File.ReadAllText(wisdom.Path), StringComparison.Ordinal);
            Assert.Single(Directory.GetFiles(Path.GetDirectoryName(wisdom.Path)!));
            Assert.True(FftwPlanner.Import(wisdom));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
