namespace Oompa.Core.Configuration;

/// <summary>Where Oompa keeps per-user state: FFTW wisdom, OpenCL kernel caches, tuning results, performance models.</summary>
public static class OompaPaths
{
    /// <summary>The variable that overrides the cache folder.</summary>
    public const string CacheVariable = "OOMPA_CACHE_DIR";

    /// <summary>
    /// The user cache folder: <c>$OOMPA_CACHE_DIR</c>, else <c>$XDG_CACHE_HOME/oompa</c>, else <c>~/.cache/oompa</c>
    /// (the temporary folder when there is no home). It is not created.
    /// </summary>
    public static string CacheDirectory => UserCacheRoot(Environment.GetEnvironmentVariable);

    /// <summary>A sub-folder of <see cref="CacheDirectory"/>, for example <c>tuning</c>; not created.</summary>
    public static string CacheSubdirectory(string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        return Path.Combine(CacheDirectory, name);
    }

    /// <summary><see cref="CacheDirectory"/> computed from the given environment lookup (for tests).</summary>
    public static string UserCacheRoot(Func<string, string?> getenv)
    {
        ArgumentNullException.ThrowIfNull(getenv);
        string? own = getenv(CacheVariable);
        if (!string.IsNullOrWhiteSpace(own))
        {
            return own;
        }

        string? xdg = getenv("XDG_CACHE_HOME");
        if (!string.IsNullOrWhiteSpace(xdg))
        {
            return Path.Combine(xdg, "oompa");
        }

        string? home = getenv("HOME");
        if (string.IsNullOrWhiteSpace(home))
        {
            home = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
        }

        return Path.Combine(string.IsNullOrWhiteSpace(home) ? Path.GetTempPath() : home, ".cache", "oompa");
    }
}
