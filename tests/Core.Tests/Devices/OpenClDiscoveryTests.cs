using Oompa.Core.Devices.OpenCl;
using Oompa.Core.Native;

namespace Oompa.Core.Tests.Devices;

// pocl-opencl-icd is installed on development machines and in CI: finding no platform is a failure, never a skip.
public class OpenClDiscoveryTests
{
    private static readonly Lazy<OpenClDiscoveryResult> Result = new(() => OpenClDiscovery.Discover());

    private static OpenClDeviceInfo PoclCpu()
    {
        var result = Result.Value;
        Assert.True(result.Available, $"No OpenCL platform found: {result.Reason}");
        var pocl = result.Platforms.Where(p => p.Name.Contains("Portable Computing Language", StringComparison.Ordinal)
            || p.Vendor.Contains("pocl", StringComparison.OrdinalIgnoreCase)).ToList();
        Assert.True(pocl.Count > 0, $"No pocl platform among: {string.Join(", ", result.Platforms)}");
        var cpu = pocl.SelectMany(p => p.Devices).FirstOrDefault(d => d.Type.HasFlag(OpenClDeviceType.Cpu));
        Assert.True(cpu is not null, $"pocl reports no CPU device: {string.Join(", ", pocl.SelectMany(p => p.Devices))}");
        return cpu;
    }

    [Fact]
    public void Discovery_finds_the_pocl_cpu_device()
    {
        var cpu = PoclCpu();
        Assert.Equal("CPU", cpu.TypeName);
        Assert.Null(Result.Value.Reason);
    }

    [Fact]
    public void Library_is_registered_under_its_soname_and_package()
    {
        Assert.Equal("OpenCL", OpenClDiscovery.Library.Name);
        Assert.Equal(["libOpenCL.so.1"], OpenClDiscovery.Library.SoNames);
        Assert.Equal("ocl-icd-libopencl1", OpenClDiscovery.Library.Package);
        Assert.Contains(NativeLibraries.Registered, l => l.Name == "OpenCL");
    }

    [Fact]
    public void Platform_fields_are_filled()
    {
        _ = PoclCpu();
        foreach (var platform in Result.Value.Platforms)
        {
            Assert.False(string.IsNullOrWhiteSpace(platform.Name));
            Assert.StartsWith("OpenCL ", platform.Version, StringComparison.Ordinal);
            Assert.Contains(platform.Profile, new[] { "FULL_PROFILE", "EMBEDDED_PROFILE" });
            Assert.NotEqual(0, platform.Handle);
        }
    }

    [Fact]
    public void Device_fields_are_sane()
    {
        var cpu = PoclCpu();
        Assert.False(string.IsNullOrWhiteSpace(cpu.Name));
        Assert.False(string.IsNullOrWhiteSpace(cpu.Vendor));
        Assert.False(string.IsNullOrWhiteSpace(cpu.DriverVersion));
        Assert.StartsWith("OpenCL ", cpu.OpenClVersion, StringComparison.Ordinal);
        Assert.InRange(cpu.ComputeUnits, 1, 1 << 16);
        Assert.True(cpu.GlobalMemoryBytes > 0, $"global memory {cpu.GlobalMemoryBytes}");
        Assert.InRange(cpu.MaxAllocationBytes, 1, cpu.GlobalMemoryBytes);
        Assert.True(cpu.LocalMemoryBytes > 0, $"local memory {cpu.LocalMemoryBytes}");
        Assert.True(cpu.MaxWorkGroupSize >= 1, $"max work-group size {cpu.MaxWorkGroupSize}");
        Assert.NotEmpty(cpu.Extensions);
        Assert.NotEqual(0, cpu.Handle);
    }

    [Fact]
    public void Double_support_agrees_with_the_extension_list()
    {
        var cpu = PoclCpu();

        // pocl on x86-64 and ARM64 computes in double precision and says so.
        Assert.True(cpu.SupportsDouble);
        Assert.True(cpu.HasExtension("cl_khr_fp64"));
        Assert.False(cpu.HasExtension("cl_not_an_extension"));
    }

    [Fact]
    public void Discovery_leaves_a_writable_pocl_cache_directory()
    {
        _ = PoclCpu();
        string? directory = Environment.GetEnvironmentVariable("POCL_CACHE_DIR");
        Assert.False(string.IsNullOrEmpty(directory));
        Assert.True(Directory.Exists(directory), $"POCL_CACHE_DIR={directory} does not exist");
    }

    [Fact]
    public void Concurrent_discoveries_agree()
    {
        // The first OpenCL call of a process crashed (SIGSEGV in the ICD loader/pocl) when made from several threads at once.
        var results = new OpenClDiscoveryResult[4];
        Parallel.For(0, results.Length, i => results[i] = OpenClDiscovery.Discover());
        var expected = results[0].Devices.Select(d => (d.Name, d.Handle)).ToList();
        Assert.NotEmpty(expected);
        Assert.All(results, r => Assert.Equal(expected, r.Devices.Select(d => (d.Name, d.Handle))));
    }
}
