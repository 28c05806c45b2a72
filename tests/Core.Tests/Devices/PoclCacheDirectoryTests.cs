using Oompa.Core.Configuration;
using Oompa.Core.Devices.OpenCl;

namespace Oompa.Core.Tests.Devices;

public class PoclCacheDirectoryTests
{
    private static Func<string, string?> Env(params (string Name, string Value)[] vars) =>
        name => vars.FirstOrDefault(v => v.Name == name).Value;

    [Fact]
    public void Oompa_cache_dir_wins() =>
        Assert.Equal("/o", OompaPaths.UserCacheRoot(Env(("OOMPA_CACHE_DIR", "/o"), ("XDG_CACHE_HOME", "/x"), ("HOME", "/h"))));

    [Fact]
    public void Xdg_cache_home_comes_next() =>
        Assert.Equal("/x/oompa", OompaPaths.UserCacheRoot(Env(("XDG_CACHE_HOME", "/x"), ("HOME", "/h"))));

    [Fact]
    public void Home_dot_cache_is_the_fallback() =>
        Assert.Equal("/h/.cache/oompa", OompaPaths.UserCacheRoot(Env(("HOME", "/h"))));

    [Fact]
    public void Empty_values_count_as_unset() =>
        Assert.Equal("/h/.cache/oompa", OompaPaths.UserCacheRoot(Env(("OOMPA_CACHE_DIR", ""), ("XDG_CACHE_HOME", ""), ("HOME", "/h"))));
}
