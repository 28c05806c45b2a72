using System.CommandLine;
using System.Globalization;
using Oompa.Cli.Tune;
using Oompa.Tuning.Store;

namespace Oompa.Cli.Commands;

/// <summary>
/// <c>oompa tune list|show|clear</c>: the tuning results in the store (<c>--store</c>, by default <c>tuning</c> under
/// <c>OOMPA_CACHE_DIR</c>). <c>--device</c>, <c>--strategy</c> and <c>--group</c> select entries whose key parts contain
/// the text. Tables and details go to stdout; a missing or corrupt store is one message on stderr and exit code 1.
/// </summary>
internal sealed class TuneCommand : Command
{
    private readonly Option<string?> store = new("--store") { Description = "The tuning store folder [default: $OOMPA_CACHE_DIR/tuning]", Recursive = true };
    private readonly Option<string?> device = new("--device") { Description = "Only entries whose device identity contains this text", Recursive = true };
    private readonly Option<string?> strategy = new("--strategy") { Description = "Only entries whose strategy (kernel) name contains this text", Recursive = true };
    private readonly Option<string?> group = new("--group") { Description = "Only entries whose group signature contains this text", Recursive = true };

    /// <summary>Creates the command and its subcommands.</summary>
    public TuneCommand()
        : base("tune", "List, show or clear stored tuning results")
    {
        foreach (var option in new[] { store, device, strategy, group })
        {
            Options.Add(option);
        }

        var list = new Command("list", "List stored results: strategy, device, group, best and default time, speedup");
        list.SetAction(r => Guarded(r, List));
        var index = new Argument<int?>("index") { Description = "The entry's number in 'tune list' (with the same filters); may be left out when the filters select one entry", Arity = ArgumentArity.ZeroOrOne };
        var show = new Command("show", "Show one stored result with its configuration");
        show.Arguments.Add(index);
        show.SetAction(r => Guarded(r, (p, s, f) => Show(p, s, f, p.GetValue(index))));
        var clear = new Command("clear", "Remove stored results: all, or those the filters select");
        clear.SetAction(r => Guarded(r, Clear));
        Subcommands.Add(list);
        Subcommands.Add(show);
        Subcommands.Add(clear);
    }

    private static int List(ParseResult parseResult, TuningStore store, TuneFilter filter)
    {
        var entries = filter.Select(store);
        var output = parseResult.InvocationConfiguration.Output;
        if (entries.Count == 0)
        {
            output.WriteLine($"No tuning results ({filter}) in {store.FilePath}.");
            return 0;
        }

        output.WriteLine(TuneFormat.Table(entries));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{entries.Count} of {store.Entries.Count} entries in {store.FilePath}"));
        return 0;
    }

    private static int Show(ParseResult parseResult, TuningStore store, TuneFilter filter, int? index)
    {
        var entries = filter.Select(store);
        var error = parseResult.InvocationConfiguration.Error;
        TuningStoreEntry entry;
        if (index is { } i)
        {
            if (i < 1 || i > entries.Count)
            {
                error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"oompa tune show: there is no entry {i}; 'tune list' numbers {entries.Count} entries ({filter})."));
                return 1;
            }

            entry = entries[i - 1];
        }
        else if (entries.Count == 1)
        {
            entry = entries[0];
        }
        else
        {
            error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"oompa tune show: {entries.Count} entries match ({filter}); give the number 'tune list' prints, or filters that select one."));
            return 1;
        }

        parseResult.InvocationConfiguration.Output.WriteLine(TuneFormat.Details(entry));
        return 0;
    }

    private static int Clear(ParseResult parseResult, TuningStore store, TuneFilter filter)
    {
        var removed = store.Remove(filter.Matches);
        parseResult.InvocationConfiguration.Output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Removed {removed.Count} entries ({filter}) from {store.FilePath}; {store.Entries.Count} remain."));
        return 0;
    }

    private int Guarded(ParseResult parseResult, Func<ParseResult, TuningStore, TuneFilter, int> action) =>
        CommandErrors.Guard("oompa tune", parseResult.InvocationConfiguration.Error, () =>
        {
            var folder = parseResult.GetValue(store) ?? TuningStore.DefaultDirectory();
            var filter = new TuneFilter(parseResult.GetValue(device), parseResult.GetValue(strategy), parseResult.GetValue(group));
            return action(parseResult, new TuningStore(folder), filter);
        });
}
