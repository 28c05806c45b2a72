using Oompa.Core.Devices.OpenCl;

namespace Oompa.Core.Tests.Devices;

public class OpenClDeviceSelectionTests
{
    private static OpenClDeviceInfo Device(string name, string vendor, OpenClDeviceType type) =>
        new(name, vendor, type, "1", "OpenCL 3.0", 4, 1L << 30, 256, 1L << 28, 48 << 10, []);

    private static readonly OpenClDeviceInfo Pocl = Device("cpu-haswell-AMD EPYC", "AuthenticAMD", OpenClDeviceType.Cpu);
    private static readonly OpenClDeviceInfo H100 = Device("NVIDIA H100 80GB HBM3", "NVIDIA Corporation", OpenClDeviceType.Gpu);
    private static readonly OpenClDeviceInfo A100 = Device("NVIDIA A100-SXM4-40GB", "NVIDIA Corporation", OpenClDeviceType.Gpu);

    [Fact]
    public void Without_a_request_the_first_gpu_or_accelerator_wins_over_cpu_devices()
    {
        Assert.Equal(1, OpenClDeviceSelection.Choose([Pocl, H100], null, out string? problem));
        Assert.Null(problem);
        Assert.Equal(0, OpenClDeviceSelection.Choose([H100, Pocl, A100], "  ", out _));
        Assert.Equal(0, OpenClDeviceSelection.Choose([Pocl], null, out _));
        var accelerator = Device("FPGA", "Xilinx", OpenClDeviceType.Accelerator);
        Assert.Equal(1, OpenClDeviceSelection.Choose([Pocl, accelerator], null, out _));
    }

    [Fact]
    public void A_request_names_a_device_by_index_or_by_part_of_its_name_or_vendor()
    {
        Assert.Equal(0, OpenClDeviceSelection.Choose([Pocl, H100], "0", out _));
        Assert.Equal(2, OpenClDeviceSelection.Choose([Pocl, H100, A100], "a100", out _));
        Assert.Equal(0, OpenClDeviceSelection.Choose([Pocl, H100], "authenticamd", out _));
        Assert.Same(Pocl, OpenClDeviceSelection.Preferred([Pocl]));
    }

    [Theory]
    [InlineData("5", "names device 5, but there are 3")]
    [InlineData("radeon", "matches no OpenCL device")]
    [InlineData("nvidia", "matches 2 OpenCL devices")]
    public void A_request_that_names_no_single_device_is_refused_with_the_list(string request, string expected)
    {
        Assert.Equal(-1, OpenClDeviceSelection.Choose([Pocl, H100, A100], request, out string? problem));
        Assert.Contains(expected, problem, StringComparison.Ordinal);
        Assert.Contains(OpenClDeviceSelection.Variable, problem, StringComparison.Ordinal);
        Assert.Contains("1: NVIDIA H100 80GB HBM3 (NVIDIA Corporation)", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void No_device_is_a_problem_not_an_exception()
    {
        Assert.Equal(-1, OpenClDeviceSelection.Choose([], null, out string? problem));
        Assert.Equal("no OpenCL device was found.", problem);
        Assert.Null(OpenClDeviceSelection.Preferred([]));
    }
}
