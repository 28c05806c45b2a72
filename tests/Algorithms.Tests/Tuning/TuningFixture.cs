using Oompa.Algorithms.Tests.Support;
using Oompa.Core.Algorithms;
using Oompa.Core.Data;
using Oompa.Tuning.Dynamic;
using Oompa.Tuning.Searchers;
using Oompa.Tuning.Store;

namespace Oompa.Algorithms.Tests.Tuning;

/// <summary>A temporary store folder and helpers shared by the OpenCL tuning tests (never the user's cache).</summary>
internal sealed class TuningFixture : IDisposable
{
    public string Store { get; } = Path.Combine(Path.GetTempPath(), "oompa-algorithm-tuning-tests", Guid.NewGuid().ToString("N"));

    /// <summary>A tuner on this store; exhaustive search unless <paramref name="annealing"/>.</summary>
    public KernelTuner Tuner(string mode, bool annealing = false) => new(new KernelTunerOptions
    {
        Mode = TuningModeSetting.Parse(mode),
        StoreDirectory = Store,
        CreateSearcher = annealing ? () => new SimulatedAnnealingSearcher() : () => new ExhaustiveSearcher(),
    });

    /// <summary>An accumulate algorithm whose OpenCL strategy joins <paramref name="tuner"/>; the strategy is reported to <paramref name="created"/>.</summary>
    public static Accumulate OpenCl(KernelTuner tuner, Action<OpenClAccumulate>? created = null) =>
        new([Accumulate.OpenCl(OpenClTestDevice.Device, s =>
        {
            s.Tuner = tuner;
            created?.Invoke(s);
        })]);

    public static GuardedPayload<LogicalDescriptor> Host(Size size, int seed, Padding padding = default)
    {
        var payload = new GuardedPayload<LogicalDescriptor>(new LogicalDescriptor(size, padding), DataType.Float32);
        var random = new Random(seed);
        payload.SetLogical<float>([.. Enumerable.Range(0, (int)size.Total).Select(_ => (float)(random.NextDouble() * 2 - 1))]);
        return payload;
    }

    /// <summary>Executes until <paramref name="done"/> holds, at most <paramref name="limit"/> times; returns the executions.</summary>
    public static int ExecuteUntil<TOut, TIn, TSettings>(IAlgorithm<TOut, TIn, TSettings> algorithm, TOut output, TIn input, Func<bool> done, int limit = 40)
        where TOut : PayloadWrapper
        where TIn : PayloadWrapper
    {
        int executions = 0;
        while (!done() && executions < limit)
        {
            algorithm.Execute(output, input);
            executions++;
        }

        algorithm.Synchronize();
        Assert.True(done(), $"tuning did not finish within {limit} executions");
        return executions;
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Store, recursive: true);
        }
        catch (DirectoryNotFoundException)
        {
        }
    }
}
