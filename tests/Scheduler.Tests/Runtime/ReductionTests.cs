using FsCheck;
using FsCheck.Fluent;
using Oompa.Core.Data;
using Oompa.Scheduler.Data;
using Oompa.Scheduler.Policies;
using Oompa.Scheduler.Tests.Support;

namespace Oompa.Scheduler.Tests.Runtime;

/// <summary>Reduction-mode accumulation (per-worker private copies, init + combine) equals the sequential sum.</summary>
public class ReductionTests
{
    private const int Length = 16;

    private static readonly ReductionOperation Sum = new(
        p => Span(p).Clear(),
        (target, contribution) =>
        {
            var t = Span(target);
            var c = Span(contribution);
            for (int i = 0; i < t.Length; i++)
            {
                t[i] += c[i];
            }
        });

    public static TheoryData<string> Policies() => [.. SchedulingPolicies.Names];

    [Theory]
    [MemberData(nameof(Policies))]
    public void Reduction_accumulation_equals_the_sequential_sum(string policy)
    {
        var cases =
            from seed in Gen.Choose(0, 1_000_000)
            from tasks in Gen.Choose(1, 40)
            select (seed, tasks);
        Prop.ForAll(Arb.From(cases), c =>
        {
            var (seed, count) = c;
            var contributions = Enumerable.Range(0, count).Select(t => (double)new Random(seed + t).Next(1000)).ToArray();
            using var arrays = new HostArrays();
            var accumulator = arrays.Add(Length, "sum", i => i);
            using (var runtime = new TaskRuntime(TestRuntimes.Options(policy, 2, new FakeDeviceNode(0)) with { TransferModel = CoherencyTestsModel() }))
            {
                var h = runtime.Register(accumulator.Payload, reduction: Sum);
                foreach (double value in contributions)
                {
                    runtime.Submit(TestRuntimes.Both("accumulate", ctx => Accumulate(ctx, value)), new DataAccess(h, AccessMode.Reduction));
                }

                runtime.SynchronizeWithinTimeout();
            }

            var expected = Enumerable.Range(0, Length).Select(i => i + contributions.Sum(v => v * (i + 1))).ToArray();
            Assert.Equal(expected, accumulator.AsSpan<double>().ToArray());
        }).Check(Config.QuickThrowOnFailure.WithMaxTest(10));
    }

    [Fact]
    public async Task A_read_after_reductions_sees_the_combined_value_and_a_new_reduction_starts_afresh()
    {
        using var arrays = new HostArrays();
        var accumulator = arrays.Add(Length, "sum");
        var seen = arrays.Add(Length, "seen");
        await using var runtime = new TaskRuntime(TestRuntimes.Options("dmda", 2, new FakeDeviceNode(0)) with { TransferModel = CoherencyTestsModel() });
        var h = runtime.Register(accumulator.Payload, reduction: Sum);
        var copy = runtime.Register(seen.Payload);
        for (int t = 0; t < 10; t++)
        {
            runtime.Submit(TestRuntimes.Both("accumulate", ctx => Accumulate(ctx, 1)), new DataAccess(h, AccessMode.Reduction));
        }

        runtime.Submit(TestRuntimes.Both("copy", ctx => Kernels.Doubles(ctx, 0).CopyTo(Kernels.Doubles(ctx, 1))), new DataAccess(h, AccessMode.Read), new DataAccess(copy, AccessMode.Write));
        for (int t = 0; t < 5; t++)
        {
            runtime.Submit(TestRuntimes.Both("accumulate", ctx => Accumulate(ctx, 2)), new DataAccess(h, AccessMode.Reduction));
        }

        await runtime.SynchronizeWithinTimeoutAsync();
        Assert.Equal(Enumerable.Range(0, Length).Select(i => 10.0 * (i + 1)), seen.AsSpan<double>().ToArray());
        Assert.Equal(Enumerable.Range(0, Length).Select(i => 20.0 * (i + 1)), accumulator.AsSpan<double>().ToArray());
    }

    [Fact]
    public async Task Reduction_needs_an_operation()
    {
        using var arrays = new HostArrays();
        await using var runtime = new TaskRuntime(TestRuntimes.Options("dmda", 1));
        var h = runtime.Register(arrays.Add(Length, "x").Payload);
        var error = Assert.Throws<ArgumentException>(() => runtime.Submit(TestRuntimes.Cpu("acc", _ => { }), new DataAccess(h, AccessMode.Reduction)));
        Assert.Contains("ReductionOperation", error.Message, StringComparison.Ordinal);
    }

    private static void Accumulate(Tasks.TaskContext context, double value)
    {
        var x = Kernels.Doubles(context, 0);
        for (int i = 0; i < x.Length; i++)
        {
            x[i] += value * (i + 1);
        }
    }

    private static Span<double> Span(IPayload payload) => payload.Physical.Node.IsHost
        ? ((Payload<LogicalDescriptor>)payload).AsSpan<double>()
        : throw new InvalidOperationException("Reduction operations run on host payloads.");

    private static Oompa.Scheduler.Models.TransferModel CoherencyTestsModel() => CoherencyTests.Options(new FakeDeviceNode(0)).TransferModel!;
}
