using Oompa.Tuning.Dynamic;
using Oompa.Tuning.Groups;
using Oompa.Tuning.Spaces;
using Oompa.Tuning.Store;
using Oompa.Tuning.Tests.Support;

namespace Oompa.Tuning.Tests.Dynamic;

/// <summary>
/// A kernel without a device: requests for the synthetic <see cref="Landscape"/> space, and a driver that plays a
/// strategy's executions (ask for a candidate, "time" it with the landscape, report it). Configurations with
/// BLOCK_X = 16 are broken: fastest of all, but their output fails validation.
/// </summary>
internal static class FakeKernel
{
    public const string Device = "fake|Vendor|Device|1.0|8";
    public const string Name = "Fake.Kernel";
    public static readonly string Hash = TuningStoreKey.HashSource("__kernel void fake() {}");
    public static readonly TuningSpace Space = Landscape.Space();

    public static GroupSignature Signature(int x = 64, int y = 64, int n = 1, string type = "Float32") => new(
    [
        GroupFeature.Category("out.Data.Type", type),
        GroupFeature.Numeric("out.Data.Size.X", x),
        GroupFeature.Numeric("out.Data.Size.Y", y),
        GroupFeature.Numeric("out.Data.Size.N", n),
    ]);

    public static KernelTuningRequest Request(GroupSignature? signature = null) => new(Device, Name, Hash, Space, signature ?? Signature());

    public static KernelTuner Tuner(string store, string mode, int seed = 0) =>
        new(new KernelTunerOptions { Mode = TuningModeSetting.Parse(mode), StoreDirectory = store, Seed = seed });

    public static bool IsBroken(TuningConfiguration c) => c["BLOCK_X"] == 16;

    /// <summary>One execution of a strategy holding <paramref name="lease"/>: evaluates a candidate when it gets one.</summary>
    public static TuningConfiguration? Execute(TuningLease lease)
    {
        var candidate = lease.NextCandidate();
        if (candidate is not null)
        {
            lease.Report(candidate, IsBroken(candidate)
                ? TuningMeasurement.Failure(TuningStatus.ValidationFailed, "output differs")
                : TuningMeasurement.Success(Landscape.Seconds(candidate)));
        }

        return candidate;
    }

    /// <summary>Executes until the lease stops tuning (at most <paramref name="limit"/> times); returns the executions.</summary>
    public static int RunUntilTuned(TuningLease lease, int limit = 1000)
    {
        int executions = 0;
        while (lease.IsTuning && executions < limit)
        {
            Execute(lease);
            executions++;
        }

        return executions;
    }

    public static TuningStoreEntry Entry(GroupSignature signature, TuningConfiguration configuration, double seconds = 1e-3) =>
        new(new TuningStoreKey(Device, Name, Hash, signature.Text), configuration, seconds, 2e-3, 10, "Test", DateTimeOffset.UnixEpoch, "test");
}
