using Oompa.Core.Native;

namespace Oompa.Core.Tests.Native;

public class NativeLibrariesTests
{
    [Fact]
    public void A_missing_library_names_the_package_to_install()
    {
        var ghost = NativeLibraries.Register(new NativeLibraryInfo("oompa-ghost", ["libdoes-not-exist.so.9"], "oompa-ghost-pkg", "testing"));
        Assert.False(NativeLibraries.TryLoad(ghost, out _));
        var e = Assert.Throws<NativeLibraryMissingException>(() => NativeLibraries.Load(ghost));
        Assert.Contains("apt-get install --no-install-recommends oompa-ghost-pkg", e.Message, StringComparison.Ordinal);
        Assert.Contains("libdoes-not-exist.so.9", e.Message, StringComparison.Ordinal);
        Assert.Same(ghost, e.Library);
    }

    [Fact]
    public void Sonames_are_tried_in_order_and_exports_resolve()
    {
        var libc = NativeLibraries.Register(new NativeLibraryInfo("oompa-libc-probe", ["libnot-there.so.1", "libc.so.6"], "libc6", "testing"));
        Assert.True(NativeLibraries.TryLoad(libc, out nint handle));
        Assert.NotEqual(0, handle);
        Assert.NotEqual(0, NativeLibraries.GetExport(libc, "strlen"));
        Assert.Contains(NativeLibraries.Registered, l => l.Name == "oompa-libc-probe");
    }

    [Fact]
    public void Call_failures_name_library_call_and_status()
    {
        var e = new NativeCallException("OpenCL", "clBuildProgram", -11, "CL_BUILD_PROGRAM_FAILURE");
        Assert.Equal("OpenCL: clBuildProgram failed with CL_BUILD_PROGRAM_FAILURE (-11).", e.Message);
    }
}
