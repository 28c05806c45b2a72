using Oompa.Core.Data;
using Oompa.Scheduler.Data;
using Oompa.Scheduler.Tasks;
using Oompa.Scheduler.Tests.Support;

namespace Oompa.Scheduler.Tests.Runtime;

public class BasicRuntimeTests
{
    [Theory]
    [InlineData("eager")]
    [InlineData("ws")]
    [InlineData("dm")]
    [InlineData("dmda")]
    [InlineData("dmdar")]
    public async Task A_chain_of_read_write_tasks_runs_in_order_on_cpus_and_device(string policy)
    {
        using var arrays = new HostArrays();
        var data = arrays.Add(16, "data");
        var device = new FakeDeviceNode(0);
        await using var runtime = new TaskRuntime(TestRuntimes.Options(policy, 2, device));
        var h = runtime.Register(data.Payload);
        var step = TestRuntimes.Both("step", c =>
        {
            var x = Kernels.Doubles(c, 0);
            for (int i = 0; i < x.Length; i++)
            {
                x[i] = (x[i] * 3) + i + 1;
            }
        });
        var tasks = new List<ScheduledTask>();
        for (int k = 0; k < 20; k++)
        {
            tasks.Add(runtime.Submit(step, new DataAccess(h, AccessMode.ReadWrite)));
        }

        await runtime.SynchronizeWithinTimeoutAsync();
        var expected = new double[16];
        for (int k = 0; k < 20; k++)
        {
            for (int i = 0; i < 16; i++)
            {
                expected[i] = (expected[i] * 3) + i + 1;
            }
        }

        var actual = data.AsSpan<double>().ToArray();
        for (int i = 0; i < 16; i++)
        {
            Assert.Equal(expected[i], actual[i]);
        }

        Assert.All(tasks, t => Assert.Equal(ScheduledTaskStatus.Completed, t.Status));
        Assert.NotEqual(ReplicaState.Invalid, runtime.StateOf(h, MemoryNode.Host));
    }

    [Fact]
    public async Task Empty_tasks_complete_and_can_be_awaited()
    {
        await using var runtime = new TaskRuntime(TestRuntimes.Options("eager", 2));
        var empty = TestRuntimes.Cpu("empty", _ => { });
        var tasks = Enumerable.Range(0, 1000).Select(_ => runtime.Submit(empty)).ToList();
        await tasks[^1].Completion.WaitAsync(TestRuntimes.Timeout);
        await runtime.SynchronizeWithinTimeoutAsync();
        Assert.All(tasks, t => Assert.True(t.IsFinished));
    }
}
