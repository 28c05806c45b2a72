using FsCheck;
using FsCheck.Fluent;
using Oompa.Core.Data;
using Oompa.Scheduler.Data;
using Oompa.Scheduler.Tasks;
using Oompa.Scheduler.Tests.Support;
using Oompa.Scheduler.Tests.Support.OpenCl;

namespace Oompa.Scheduler.Tests.OpenCl;

/// <summary>
/// A reduction-mode handle accumulated by CPU workers and the OpenCL worker (a private copy on the device, prepared
/// through the host and combined on the host) equals the sequential sum.
/// </summary>
public sealed class OpenClReductionTests(OpenClTestDevice fixture) : IClassFixture<OpenClTestDevice>
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

    [OpenClFact]
    public void Accumulation_on_both_kinds_of_worker_equals_the_sequential_sum()
    {
        var kernels = fixture.Kernels;
        var onCpu = TestRuntimes.Cpu("accumulate.cpu", ctx => Accumulate(ctx.Span<double>(0), (double)ctx.Argument!));
        var onDevice = OpenClRuntimes.Device("accumulate.opencl", ctx => kernels.Accumulate(ctx, 0, (double)ctx.Argument!));
        var cases =
            from seed in Gen.Choose(0, 1_000_000)
            from tasks in Gen.Choose(2, 40)
            from policy in Gen.Elements([.. Oompa.Scheduler.Policies.SchedulingPolicies.Names])
            select (seed, tasks, policy);
        Prop.ForAll(Arb.From(cases), c =>
        {
            var (seed, count, policy) = c;
            var contributions = Enumerable.Range(0, count).Select(t => (double)new Random(seed + t).Next(1000)).ToArray();
            using var arrays = new HostArrays();
            var accumulator = arrays.Add(Length, "sum", i => i);
            var seen = arrays.Add(Length, "seen");
            Oompa.Scheduler.Tracing.RuntimeSummary? summary = null;
            TestRuntimes.WithinTimeout(() =>
            {
                using var runtime = new TaskRuntime(OpenClRuntimes.Options(fixture.Device, policy, cpus: 2));
                var h = runtime.Register(accumulator.Payload, reduction: Sum);
                var copy = runtime.Register(seen.Payload);
                for (int t = 0; t < contributions.Length; t++)
                {
                    // Alternate: even tasks only on CPU workers, odd ones only on the OpenCL worker.
                    runtime.Submit(t % 2 == 0 ? onCpu : onDevice, [new DataAccess(h, AccessMode.Reduction)], new TaskOptions { Argument = contributions[t] });
                    if (t == contributions.Length / 2)
                    {
                        // A read in the middle sees the reductions so far combined.
                        runtime.Submit(TestRuntimes.Cpu("copy", ctx => ctx.Span<double>(0).CopyTo(ctx.Span<double>(1))), new DataAccess(h, AccessMode.Read), new DataAccess(copy, AccessMode.Write));
                    }
                }

                runtime.SynchronizeWithinTimeout();
                summary = runtime.Summary();
            });

            double[] Expected(int upTo) => [.. Enumerable.Range(0, Length).Select(i => i + contributions.Take(upTo).Sum(v => v * (i + 1)))];
            Assert.Equal(Expected(count), accumulator.AsSpan<double>().ToArray());
            Assert.Equal(Expected((count / 2) + 1), seen.AsSpan<double>().ToArray());
            Assert.Contains(summary!.Workers, w => w.Name == "opencl0" && w.Tasks > 0);
            fixture.AssertReleased();
        }).Check(Config.QuickThrowOnFailure.WithMaxTest(15));
    }

    private static void Accumulate(Span<double> x, double value)
    {
        for (int i = 0; i < x.Length; i++)
        {
            x[i] += value * (i + 1);
        }
    }

    private static Span<double> Span(IPayload payload) => payload.Physical.Node.IsHost
        ? ((Payload<LogicalDescriptor>)payload).AsSpan<double>()
        : throw new InvalidOperationException("Reduction operations run on host payloads.");
}
