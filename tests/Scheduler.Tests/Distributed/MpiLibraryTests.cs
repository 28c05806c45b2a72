using Oompa.Core.Native;
using Oompa.Scheduler.Distributed.Mpi;

namespace Oompa.Scheduler.Tests.Distributed;

// libopenmpi3 is installed on development machines and in CI: a missing library is a failure, never a skip.
public class MpiLibraryTests
{
    [Fact]
    public void Version_is_found_and_names_open_mpi()
    {
        var version = MpiLibrary.TryGetVersion(out string? reason);
        Assert.True(version is not null, $"MPI library not found: {reason}");
        Assert.Null(reason);
        Assert.Contains("Open MPI", version.Library, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', version.Library);
    }

    [Fact]
    public void Standard_version_is_plausible()
    {
        var version = MpiLibrary.TryGetVersion(out string? reason);
        Assert.True(version is not null, $"MPI library not found: {reason}");
        Assert.InRange(version.Major, 2, 9);
        Assert.InRange(version.Minor, 0, 9);
        Assert.Equal($"{version.Major}.{version.Minor}", version.Standard);
        Assert.Contains($"(MPI {version.Standard})", version.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Library_is_registered_under_its_soname_and_package()
    {
        Assert.Equal("mpi", MpiLibrary.Library.Name);
        Assert.Equal(["libmpi.so.40"], MpiLibrary.Library.SoNames);
        Assert.Equal("libopenmpi3", MpiLibrary.Library.Package);
        Assert.Contains(NativeLibraries.Registered, l => l.Name == "mpi");
    }
}
