using FsCheck;
using FsCheck.Fluent;
using Oompa.Core.Data;
using Oompa.Scheduler.Data;
using Oompa.Scheduler.Policies;
using Oompa.Scheduler.Tasks;
using Oompa.Scheduler.Tests.Support;

namespace Oompa.Scheduler.Tests.Runtime;

/// <summary>Random programs in which some steps throw: exactly the steps downstream of a failure are faulted.</summary>
public class FailurePropagationTests
{
    public static TheoryData<string> Policies() => [.. SchedulingPolicies.Names];

    [Theory]
    [MemberData(nameof(Policies))]
    public void Failures_fault_exactly_their_dependants_and_nothing_hangs(string policy)
    {
        var cases =
            from seed in Gen.Choose(0, 1_000_000)
            from arrays in Gen.Choose(1, 5)
            from steps in Gen.Choose(1, 20)
            select (seed, arrays, steps);
        Prop.ForAll(Arb.From(cases), c =>
        {
            var program = RandomProgram.Create(c.seed, c.arrays, c.steps);
            var throwing = new HashSet<int>(program.Steps.Where(s => new Random(c.seed + s.Id).Next(5) == 0).Select(s => s.Id));
            using var arrays = new HostArrays();
            var owned = Enumerable.Range(0, program.Arrays).Select(a => arrays.Add(program.Length, $"a{a}")).ToArray();
            using var runtime = new TaskRuntime(TestRuntimes.Options(policy, 2, new FakeDeviceNode(0), trace: true) with { TransferModel = CoherencyTests.Options(new FakeDeviceNode(0)).TransferModel });
            var handles = owned.Select(o => runtime.Register(o.Payload)).ToArray();
            var scratch = runtime.RegisterScratch(Payload<LogicalDescriptor>.Describe(new LogicalDescriptor(new Size(program.Length)), DataType.Float64, "scratch"));
            var tasks = new List<ScheduledTask>();
            foreach (var step in program.Steps)
            {
                var accesses = step.Uses.Select(u => new DataAccess(handles[u.Array], u.Mode)).ToList();
                if (step.Scratch)
                {
                    accesses.Add(new DataAccess(scratch, AccessMode.Scratch));
                }

                bool fails = throwing.Contains(step.Id);
                tasks.Add(runtime.Submit(TestRuntimes.Both("step", ctx => { if (fails) { throw new InvalidOperationException($"step {step.Id}"); } step.Run(ctx); }), accesses));
            }

            var sync = Record.Exception(() => runtime.SynchronizeWithinTimeout());
            Assert.True((throwing.Count > 0) == (sync is not null), $"throwing {throwing.Count}, exception {sync}");
            Assert.IsNotType<TimeoutException>(sync);
            var byId = tasks.ToDictionary(t => t.Id);
            var predecessors = runtime.Trace!.Edges.ToLookup(e => e.To, e => e.From);
            foreach (var t in tasks)
            {
                bool upstreamFailed = predecessors[t.Id].Any(p => byId[p].Status == ScheduledTaskStatus.Faulted);
                bool threw = throwing.Contains((int)t.Id);
                Assert.Equal(threw || upstreamFailed ? ScheduledTaskStatus.Faulted : ScheduledTaskStatus.Completed, t.Status);
            }
        }).Check(Config.QuickThrowOnFailure.WithMaxTest(10));
    }
}
