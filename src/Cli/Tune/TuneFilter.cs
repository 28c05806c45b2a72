using Oompa.Tuning.Store;

namespace Oompa.Cli.Tune;

/// <summary>
/// Which store entries a <c>tune</c> subcommand applies to: every entry whose device, strategy and group contain the given
/// texts (case-insensitive), in the store file's order (sorted by key), numbered from 1.
/// </summary>
internal sealed record TuneFilter(string? Device, string? Strategy, string? Group)
{
    /// <summary>Whether no part is set.</summary>
    public bool IsEmpty => Device is null && Strategy is null && Group is null;

    /// <summary>Whether <paramref name="entry"/> matches every part that is set.</summary>
    public bool Matches(TuningStoreEntry entry) =>
        Contains(entry.Key.Device, Device) && Contains(entry.Key.Strategy, Strategy) && Contains(entry.Key.Group, Group);

    /// <summary>The matching entries of <paramref name="store"/>, sorted by key.</summary>
    public IReadOnlyList<TuningStoreEntry> Select(TuningStore store) =>
        [.. store.Entries.Where(Matches).OrderBy(e => e.Key.ToString(), StringComparer.Ordinal)];

    /// <summary>The filter as text for messages, for example <c>strategy contains 'Fill'</c>.</summary>
    public override string ToString() => IsEmpty
        ? "all entries"
        : string.Join(", ", new[] { ("device", Device), ("strategy", Strategy), ("group", Group) }
            .Where(p => p.Item2 is not null).Select(p => $"{p.Item1} contains '{p.Item2}'"));

    private static bool Contains(string text, string? part) => part is null || text.Contains(part, StringComparison.OrdinalIgnoreCase);
}
