using Oompa.Core.Algorithms;
using Oompa.Core.Data;

namespace Oompa.Core.Tests.Algorithms;

public class AlgorithmContractTests
{
    private static readonly Payload<LogicalDescriptor> Described =
        Payload<LogicalDescriptor>.Describe(new LogicalDescriptor(new Size(4, 4)), DataType.Float32, "data");

    [Fact]
    public void First_accepting_strategy_wins_and_every_decision_is_reported()
    {
        var log = new List<string>();
        using var algorithm = new Probe([Fake.Factory("A", log, "needs a GPU"), Fake.Factory("B", log), Fake.Factory("C", log)]);
        var result = algorithm.Init(new Wrapper(Described), NoPayloads.Instance, new Settings(true));
        Assert.True(result.Success);
        Assert.Equal("B", result.ChosenStrategy);
        Assert.Equal(["A: declined (needs a GPU)", "B: accepted"], result.Decisions.Select(d => d.ToString()));
        Assert.Equal(["A init", "A dispose", "B init"], log);
        Assert.Equal("B", algorithm.StrategyName);
    }

    [Fact]
    public void Preferred_strategy_is_asked_first()
    {
        var log = new List<string>();
        using var algorithm = new Probe([Fake.Factory("A", log), Fake.Factory("B", log)]) { PreferredStrategy = "B" };
        Assert.Equal("B", algorithm.Init(new Wrapper(Described), NoPayloads.Instance, new Settings(true)).ChosenStrategy);
    }

    [Fact]
    public void Request_problems_stop_before_any_strategy_and_explain_themselves()
    {
        var log = new List<string>();
        using var algorithm = new Probe([Fake.Factory("A", log)]);
        var result = algorithm.Init(new Wrapper(Described), NoPayloads.Instance, new Settings(false));
        Assert.False(result.Success);
        Assert.Empty(log);
        Assert.Contains("settings: Valid is false", result.Explain(), StringComparison.Ordinal);
        var thrown = Assert.Throws<AlgorithmInitException>(() => result.ThrowIfFailed());
        Assert.Same(result, thrown.Result);
    }

    [Fact]
    public void All_declining_strategies_give_a_failed_result_with_all_reasons()
    {
        var log = new List<string>();
        using var algorithm = new Probe([Fake.Factory("A", log, "x"), Fake.Factory("B", log, "y", "z")]);
        var result = algorithm.Init(new Wrapper(Described), NoPayloads.Instance, new Settings(true));
        Assert.False(result.Success);
        Assert.Contains("B: declined (y; z)", result.Explain(), StringComparison.Ordinal);
        Assert.Throws<InvalidOperationException>(() => algorithm.Execute(new Wrapper(Described), NoPayloads.Instance));
    }

    [Fact]
    public void Reinit_and_dispose_release_the_previous_strategy()
    {
        var log = new List<string>();
        var algorithm = new Probe([Fake.Factory("A", log)]);
        algorithm.Init(new Wrapper(Described), NoPayloads.Instance, new Settings(true));
        algorithm.Init(new Wrapper(Described), NoPayloads.Instance, new Settings(true));
        algorithm.Dispose();
        Assert.Equal(["A init", "A dispose", "A init", "A dispose"], log);
    }

    [Fact]
    public void Execute_requires_data()
    {
        var log = new List<string>();
        using var algorithm = new Probe([Fake.Factory("A", log)]);
        algorithm.Init(new Wrapper(Described), NoPayloads.Instance, new Settings(true)).ThrowIfFailed();
        var e = Assert.Throws<ArgumentException>(() => algorithm.Execute(new Wrapper(Described), NoPayloads.Instance));
        Assert.Contains("member 'Data' ('data'): holds no data", e.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("A execute", log);
    }

    private sealed record Settings(bool Valid);

    private sealed record Wrapper(Payload<LogicalDescriptor> Data) : PayloadWrapper
    {
        public override IReadOnlyList<PayloadMember> Members => [new(nameof(Data), Data)];
    }

    private sealed class Probe(IEnumerable<StrategyFactory<Wrapper, NoPayloads, Settings>> factories)
        : Algorithm<Wrapper, NoPayloads, Settings>(factories)
    {
        protected override void ValidateRequest(Wrapper output, NoPayloads input, Settings settings, ICollection<string> problems)
        {
            if (!settings.Valid)
            {
                problems.Add("settings: Valid is false.");
            }
        }
    }

    private sealed class Fake(string name, List<string> log, string[] reasons) : IStrategy<Wrapper, NoPayloads, Settings>
    {
        public string Name => name;

        public static StrategyFactory<Wrapper, NoPayloads, Settings> Factory(string name, List<string> log, params string[] reasons) =>
            new(name, () => new Fake(name, log, reasons));

        public IReadOnlyList<string> Init(Wrapper output, NoPayloads input, Settings settings)
        {
            log.Add($"{name} init");
            return reasons;
        }

        public void Execute(Wrapper output, NoPayloads input) => log.Add($"{name} execute");

        public void Synchronize()
        {
        }

        public void Dispose() => log.Add($"{name} dispose");
    }
}
