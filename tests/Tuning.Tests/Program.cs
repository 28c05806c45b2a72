using Oompa.Tuning.Spaces;
using Oompa.Tuning.Store;

namespace Oompa.Tuning.Tests;

/// <summary>
/// Entry point of the test assembly when run as a program (the test host does not use it):
/// <c>dotnet Oompa.Tuning.Tests.dll store-writer DIR PREFIX COUNT</c> creates <c>DIR/barrier/ready-PREFIX</c>, waits
/// for <c>DIR/barrier/go</c> (so that every writer starts at once), then saves COUNT entries keyed PREFIX-i into the
/// store in DIR, one Save each. The store concurrency test starts it as separate processes.
/// </summary>
public static class Program
{
    public static int Main(string[] args)
    {
        if (args.Length != 4 || args[0] != "store-writer")
        {
            Console.Error.WriteLine("usage: store-writer DIR PREFIX COUNT");
            return 2;
        }

        var barrier = Path.Combine(args[1], "barrier");
        Directory.CreateDirectory(barrier);
        File.WriteAllText(Path.Combine(barrier, $"ready-{args[2]}"), "");
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (!File.Exists(Path.Combine(barrier, "go")))
        {
            if (DateTime.UtcNow > deadline)
            {
                Console.Error.WriteLine("no go signal within 60 s");
                return 3;
            }

            Thread.Sleep(2);
        }

        var store = new TuningStore(args[1], TimeSpan.FromSeconds(60));
        var count = int.Parse(args[3], System.Globalization.CultureInfo.InvariantCulture);
        for (var i = 0; i < count; i++)
        {
            store.Save(Entry($"{args[2]}-{i}", i));
        }

        return 0;
    }

    /// <summary>An entry whose key is built from <paramref name="group"/>.</summary>
    public static TuningStoreEntry Entry(string group, int n, double seconds = 1e-3) => new(
        new TuningStoreKey("TestVendor TestDevice driver 1.0 CU 8", "OpenCl.Test", TuningStoreKey.HashSource("kernel"), group),
        new TuningConfiguration([new("BLOCK", 1L << (n % 8)), new("UNROLL", n)]),
        seconds,
        2e-3,
        n + 1,
        "Random",
        new DateTimeOffset(2025, 1, 2, 3, 4, 5, TimeSpan.Zero),
        TuningStore.OompaVersion);
}
