using Oompa.Algorithms.Initialization;
using Oompa.Core.Algorithms;
using Oompa.Core.Data;
using Oompa.Core.Memory;
using Oompa.Scheduler.Algorithms;
using Oompa.Scheduler.Tests.Runtime;
using Oompa.Scheduler.Tests.Support;
using Oompa.Scheduler.Workers;

namespace Oompa.Scheduler.Tests.Algorithms;

public class ScheduledAlgorithmTests
{
    private const int Length = 32;

    [Fact]
    public void Swapping_the_algorithm_for_its_scheduled_form_is_the_only_change_a_main_loop_needs()
    {
        TestRuntimes.WithinTimeout(() =>
        {
            var expected = MainLoop(ScaleAlgorithm.Cpu(), new ScaleSettings(3, 1));
            var device = new FakeDeviceNode(0);
            using var runtime = new TaskRuntime(CoherencyTests.Options(device) with { Workers = [.. CpuWorker.Split(2), new FakeDeviceWorker(0)], Models = TestRuntimes.QuickModels });
            double[][] actual;
            using (var scheduled = new ScheduledAlgorithm<ScaleOutput, ScaleInput, ScaleSettings>(runtime, ScaleAlgorithm.For))
            {
                actual = MainLoop(scheduled, new ScaleSettings(3, 1));
                Assert.Empty(scheduled.Masks);
                Assert.Contains("Fake.Device on fake-accelerator", scheduled.StrategyName, StringComparison.Ordinal);
                Assert.Contains("Cpu.SingleThreaded on cpu|", scheduled.StrategyName, StringComparison.Ordinal);
            }

            Assert.Equal(expected, actual);
            Assert.Contains(runtime.Summary().Workers, w => w.Name == "fake0" && w.Tasks > 0);
            Assert.Contains(runtime.Summary().Workers, w => w.Name.StartsWith("cpu", StringComparison.Ordinal) && w.Tasks > 0);
        });
    }

    [Fact]
    public void Workers_whose_init_declines_are_masked_with_the_reasons()
    {
        TestRuntimes.WithinTimeout(() =>
        {
            var device = new FakeDeviceNode(0);
            using var runtime = new TaskRuntime(CoherencyTests.Options(device) with { Workers = [.. CpuWorker.Split(2), new FakeDeviceWorker(0)] });
            using var scheduled = new ScheduledAlgorithm<ScaleOutput, ScaleInput, ScaleSettings>(runtime, ScaleAlgorithm.For);
            var actual = MainLoop(scheduled, new ScaleSettings(-2));
            var mask = Assert.Single(scheduled.Masks);
            Assert.Equal(["fake0"], mask.Workers);
            Assert.Contains("Factor is -2", mask.ToString(), StringComparison.Ordinal);
            Assert.Equal(MainLoop(ScaleAlgorithm.Cpu(), new ScaleSettings(-2)), actual);
            Assert.Contains(runtime.Summary().Workers, w => w.Name == "fake0" && w.Tasks == 0);
        });
    }

    [Fact]
    public void Init_fails_with_every_reason_when_no_worker_accepts()
    {
        TestRuntimes.WithinTimeout(() =>
        {
            using var runtime = new TaskRuntime(TestRuntimes.Options("dmda", 1, new FakeDeviceNode(0)) with { Workers = [new FakeDeviceWorker(0)] });
            using var scheduled = new ScheduledAlgorithm<ScaleOutput, ScaleInput, ScaleSettings>(runtime, ScaleAlgorithm.For);
            var description = Payload<LogicalDescriptor>.Describe(new LogicalDescriptor(new Size(Length)), DataType.Float64);
            var result = scheduled.Init(new ScaleOutput(description), new ScaleInput(description), new ScaleSettings(-1));
            Assert.False(result.Success);
            Assert.Contains("fake-accelerator/Fake.Device: declined", result.Explain(), StringComparison.Ordinal);
            Assert.Throws<InvalidOperationException>(() => scheduled.Execute(new ScaleOutput(description), new ScaleInput(description)));
        });
    }

    [Fact]
    public void An_in_place_call_reads_and_writes_one_handle()
    {
        TestRuntimes.WithinTimeout(() =>
        {
            using var arrays = new HostArrays();
            var data = arrays.Add(Length, "data", i => i);
            using var runtime = new TaskRuntime(CoherencyTests.Options(new FakeDeviceNode(0)) with { Workers = [new CpuWorker("cpu0"), new FakeDeviceWorker(0)] });
            using var scheduled = new ScheduledAlgorithm<ScaleOutput, ScaleInput, ScaleSettings>(runtime, ScaleAlgorithm.For);
            scheduled.Init(new ScaleOutput(data.Payload), new ScaleInput(data.Payload), new ScaleSettings(2)).ThrowIfFailed();
            for (int k = 0; k < 5; k++)
            {
                scheduled.Execute(new ScaleOutput(data.Payload), new ScaleInput(data.Payload));
            }

            scheduled.Synchronize();
            Assert.Equal(Enumerable.Range(0, Length).Select(i => i * 32.0), data.AsSpan<double>().ToArray());
        });
    }

    [Fact]
    public void A_failure_inside_the_algorithm_surfaces_from_synchronize()
    {
        TestRuntimes.WithinTimeout(() =>
        {
            using var arrays = new HostArrays();
            var input = arrays.Add(Length, "in");
            var output = arrays.Add(Length, "out");
            using var runtime = new TaskRuntime(TestRuntimes.Options("dmda", 1));
            using var scheduled = new ScheduledAlgorithm<ScaleOutput, ScaleInput, ScaleSettings>(runtime, ScaleAlgorithm.For);
            scheduled.Init(new ScaleOutput(output.Payload), new ScaleInput(input.Payload), new ScaleSettings(1)).ThrowIfFailed();
            var wrong = output.Payload with { Descriptor = new LogicalDescriptor(new Size(Length / 2)) };
            scheduled.Execute(new ScaleOutput(wrong), new ScaleInput(input.Payload));
            var error = Assert.Throws<ArgumentException>(scheduled.Synchronize);
            Assert.Contains("do not match what Init accepted", error.Message, StringComparison.Ordinal);
        });
    }

    [Fact]
    public void A_real_algorithm_runs_on_scheduled_cpu_workers_and_the_device_without_strategies_is_masked()
    {
        TestRuntimes.WithinTimeout(() =>
        {
            using var runtime = new TaskRuntime(CoherencyTests.Options(new FakeDeviceNode(0)) with { Workers = [.. CpuWorker.Split(2), new FakeDeviceWorker(0)] });
            using var scheduled = new ScheduledAlgorithm<InitializationOutput, NoPayloads, InitializationSettings>(
                runtime,
                w => new Initialization(w is CpuWorker cpu ? InitializationStrategies.Cpu(cpu.Device) : []));
            using var frames = new HostArrays();
            var outputs = Enumerable.Range(0, 6).Select(f => frames.Add(Length, $"frame{f}")).ToArray();
            var payloads = outputs.Select(o => o.Payload).ToArray();
            scheduled.Init(new InitializationOutput(payloads[0]), NoPayloads.Instance, new InitializationSettings(4.5)).ThrowIfFailed();
            foreach (var p in payloads)
            {
                scheduled.Execute(new InitializationOutput(p), NoPayloads.Instance);
            }

            scheduled.Synchronize();
            Assert.All(outputs, o => Assert.All(o.AsSpan<double>().ToArray(), v => Assert.Equal(4.5, v)));
            var mask = Assert.Single(scheduled.Masks);
            Assert.Contains("no strategy is registered", mask.Result.Explain(), StringComparison.Ordinal);
        });
    }

    /// <summary>A main loop written against the algorithm contract only: the plain and the scheduled form both fit.</summary>
    private static double[][] MainLoop(IAlgorithm<ScaleOutput, ScaleInput, ScaleSettings> algorithm, ScaleSettings settings)
    {
        const int Frames = 12;
        var descriptor = new LogicalDescriptor(new Size(Length));
        var inputs = Enumerable.Range(0, Frames).Select(f => OwnedPayload<LogicalDescriptor>.Allocate(HostAllocator.Shared, descriptor, DataType.Float64, $"in{f}")).ToArray();
        var outputs = Enumerable.Range(0, Frames).Select(f => OwnedPayload<LogicalDescriptor>.Allocate(HostAllocator.Shared, descriptor, DataType.Float64, $"out{f}")).ToArray();
        try
        {
            algorithm.Init(new ScaleOutput(outputs[0].Payload.WithoutData()), new ScaleInput(inputs[0].Payload.WithoutData()), settings).ThrowIfFailed();
            for (int round = 0; round < 2; round++)
            {
                for (int f = 0; f < Frames; f++)
                {
                    var span = inputs[f].AsSpan<double>();
                    for (int i = 0; i < span.Length; i++)
                    {
                        span[i] = (round * 1000) + (f * 10) + i;
                    }

                    algorithm.Execute(new ScaleOutput(outputs[f].Payload), new ScaleInput(inputs[f].Payload));
                }

                algorithm.Synchronize();
            }

            return [.. outputs.Select(o => o.AsSpan<double>().ToArray())];
        }
        finally
        {
            foreach (var p in inputs.Concat(outputs))
            {
                p.Dispose();
            }
        }
    }
}
