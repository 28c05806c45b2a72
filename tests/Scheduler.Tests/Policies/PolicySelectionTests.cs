using Oompa.Scheduler.Policies;
using Oompa.Scheduler.Tasks;
using Oompa.Scheduler.Tests.Support;

namespace Oompa.Scheduler.Tests.Policies;

public class PolicySelectionTests
{
    [Theory]
    [InlineData("eager", null, "eager")]
    [InlineData("DMDAR", null, "dmdar")]
    [InlineData(null, "ws", "ws")]
    [InlineData(null, null, "dmda")]
    [InlineData("dm", "eager", "dm")]
    public void The_policy_comes_from_code_then_OOMPA_SCHED_then_the_default(string? name, string? variable, string expected)
    {
        Assert.Equal(expected, SchedulingPolicies.Resolve(name, v => v == SchedulingPolicies.Variable ? variable : null));
    }

    [Fact]
    public void A_bad_name_is_refused_with_the_valid_names()
    {
        var fromCode = Assert.Throws<ArgumentException>(() => SchedulingPolicies.Resolve("heft"));
        Assert.Contains("'heft' (from code)", fromCode.Message, StringComparison.Ordinal);
        Assert.Contains("eager, ws, dm, dmda, dmdar", fromCode.Message, StringComparison.Ordinal);
        var fromEnvironment = Assert.Throws<ArgumentException>(() => SchedulingPolicies.Resolve(null, _ => "lws"));
        Assert.Contains("from OOMPA_SCHED", fromEnvironment.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => new TaskRuntime(TestRuntimes.Options("random", 1)));
    }

    [Fact]
    public void Weights_come_from_the_environment_when_set()
    {
        Assert.Equal(1, SchedulingPolicies.Weight(SchedulingPolicies.BetaVariable, 1, _ => null));
        Assert.Equal(2.5, SchedulingPolicies.Weight(SchedulingPolicies.BetaVariable, 1, _ => "2.5"));
        Assert.Throws<ArgumentException>(() => SchedulingPolicies.Weight(SchedulingPolicies.AlphaVariable, 1, _ => "-1"));
    }

    [Theory]
    [InlineData("eager")]
    [InlineData("dm")]
    [InlineData("dmda")]
    [InlineData("dmdar")]
    public async Task Higher_priority_ready_tasks_run_first(string policy)
    {
        using var started = new ManualResetEventSlim();
        using var release = new ManualResetEventSlim();
        var order = new List<int>();
        await using var runtime = new TaskRuntime(TestRuntimes.Options(policy, 1));
        runtime.Submit(TestRuntimes.Cpu("block", _ => { started.Set(); release.Wait(TestRuntimes.Timeout); }));
        Assert.True(started.Wait(TestRuntimes.Timeout));
        int[] priorities = [0, 5, 1, 5, -2, 3];
        for (int i = 0; i < priorities.Length; i++)
        {
            int id = i;
            runtime.Submit(TestRuntimes.Cpu("record", _ => order.Add(id)), [], new TaskOptions { Priority = priorities[i] });
        }

        release.Set();
        await runtime.SynchronizeWithinTimeoutAsync();
        Assert.Equal([1, 3, 5, 2, 0, 4], order);
    }
}
