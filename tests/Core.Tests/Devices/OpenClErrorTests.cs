using Oompa.Core.Devices.OpenCl;
using Oompa.Core.Native;

namespace Oompa.Core.Tests.Devices;

public class OpenClErrorTests
{
    [Theory]
    [InlineData(0, "CL_SUCCESS")]
    [InlineData(-1, "CL_DEVICE_NOT_FOUND")]
    [InlineData(-5, "CL_OUT_OF_RESOURCES")]
    [InlineData(-11, "CL_BUILD_PROGRAM_FAILURE")]
    [InlineData(-30, "CL_INVALID_VALUE")]
    [InlineData(-54, "CL_INVALID_WORK_GROUP_SIZE")]
    [InlineData(-72, "CL_MAX_SIZE_RESTRICTION_EXCEEDED")]
    [InlineData(-1001, "CL_PLATFORM_NOT_FOUND_KHR")]
    public void Standard_codes_have_their_symbolic_names(int code, string name) =>
        Assert.Equal(name, OpenClError.Name(code));

    [Theory]
    [InlineData(-20)]
    [InlineData(-9999)]
    [InlineData(7)]
    public void Unknown_codes_keep_the_number(int code) =>
        Assert.Equal($"CL_UNKNOWN_ERROR({code})", OpenClError.Name(code));

    [Fact]
    public void Every_code_from_minus_72_to_minus_30_and_minus_19_to_0_is_named()
    {
        foreach (int code in Enumerable.Range(-72, 43).Concat(Enumerable.Range(-19, 20)))
        {
            Assert.StartsWith("CL_", OpenClError.Name(code), StringComparison.Ordinal);
            Assert.DoesNotContain("UNKNOWN", OpenClError.Name(code), StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Success_does_not_throw() => OpenClError.ThrowIfFailed(0, "clFinish");

    [Fact]
    public void Failure_names_the_library_call_and_status()
    {
        var e = Assert.Throws<NativeCallException>(() => OpenClError.ThrowIfFailed(-5, "clEnqueueNDRangeKernel"));
        Assert.Equal("OpenCL", e.LibraryName);
        Assert.Equal("clEnqueueNDRangeKernel", e.Call);
        Assert.Equal(-5, e.Status);
        Assert.Equal("CL_OUT_OF_RESOURCES", e.StatusName);
        Assert.Contains("clEnqueueNDRangeKernel", e.Message, StringComparison.Ordinal);
        Assert.Contains("CL_OUT_OF_RESOURCES (-5)", e.Message, StringComparison.Ordinal);
    }
}
