namespace Oompa.Core.Tests.IO;

/// <summary>
/// Finds files of the project's shared test data (<c>shared/data/</c>). The repository is cloned at <c>X/main</c> with
/// <c>shared/</c> at <c>X/shared</c>, and worktrees live elsewhere under X, so the search walks up from the test binaries
/// and checks for a <c>shared/data/</c> beside every ancestor. The environment variable <c>OOMPA_SHARED_DIR</c> (the
/// shared folder itself) takes precedence. A missing file fails the test with the list of places searched: it is never
/// skipped.
/// </summary>
internal static class SharedData
{
    /// <summary>The environment variable that names the shared folder.</summary>
    public const string EnvironmentVariable = "OOMPA_SHARED_DIR";

    /// <summary>The full path of <c>shared/data/<paramref name="fileName"/></c>.</summary>
    public static string File(string fileName)
    {
        var searched = new List<string>();
        string? fromEnvironment = Environment.GetEnvironmentVariable(EnvironmentVariable);
        if (!string.IsNullOrWhiteSpace(fromEnvironment))
        {
            foreach (string candidate in new[] { Path.Combine(fromEnvironment, "data", fileName), Path.Combine(fromEnvironment, fileName) })
            {
                if (System.IO.File.Exists(candidate))
                {
                    return candidate;
                }

                searched.Add(candidate);
            }
        }

        for (var dir = new DirectoryInfo(Path.GetDirectoryName(typeof(SharedData).Assembly.Location)!); dir is not null; dir = dir.Parent)
        {
            string candidate = Path.Combine(dir.FullName, "shared", "data", fileName);
            if (System.IO.File.Exists(candidate))
            {
                return candidate;
            }

            searched.Add(candidate);
        }

        Assert.Fail($"The shared test file '{fileName}' was not found. Set {EnvironmentVariable} to the shared folder " +
            $"(the one holding data/{fileName}) or place shared/ beside the repository. Searched:{Environment.NewLine}  " +
            string.Join(Environment.NewLine + "  ", searched));
        return "";
    }
}
