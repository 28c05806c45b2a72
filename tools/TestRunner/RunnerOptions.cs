namespace Oompa.TestRunner;

/// <summary>Command-line options of the runner.</summary>
internal sealed record RunnerOptions(
    IReadOnlyList<string> Assemblies, IReadOnlyList<string> Filters, IReadOnlyList<string> Excludes, bool List, bool Verbose)
{
    public const string Usage =
        "usage: Oompa.TestRunner [--filter TEXT]... [--exclude TEXT]... [--list] [--verbose] ASSEMBLY.dll...";

    /// <summary>Parses the arguments; null when they are not valid.</summary>
    public static RunnerOptions? Parse(IReadOnlyList<string> args)
    {
        var assemblies = new List<string>();
        var filters = new List<string>();
        var excludes = new List<string>();
        bool list = false, verbose = false;
        for (int i = 0; i < args.Count; i++)
        {
            switch (args[i])
            {
                case "--filter" when i + 1 < args.Count: filters.Add(args[++i]); break;
                case "--exclude" when i + 1 < args.Count: excludes.Add(args[++i]); break;
                case "--list": list = true; break;
                case "--verbose": verbose = true; break;
                case var a when a.StartsWith("--", StringComparison.Ordinal):
                    Console.Error.WriteLine($"unknown or incomplete option {a}");
                    return null;
                default: assemblies.Add(args[i]); break;
            }
        }
        return assemblies.Count == 0 ? null : new RunnerOptions(assemblies, filters, excludes, list, verbose);
    }

    /// <summary>Whether the test with this qualified name and display name runs.</summary>
    public bool Selects(string qualifiedName, string displayName)
    {
        bool Matches(string text) =>
            qualifiedName.Contains(text, StringComparison.Ordinal) || displayName.Contains(text, StringComparison.Ordinal);
        return (Filters.Count == 0 || Filters.Any(Matches)) && !Excludes.Any(Matches);
    }
}
