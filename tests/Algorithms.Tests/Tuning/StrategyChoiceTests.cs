using Oompa.Algorithms.Initialization;
using Oompa.Algorithms.Tests.Support;
using Oompa.Core.Data;
using Oompa.Core.Devices;
using Oompa.Tuning.Choice;
using Oompa.Tuning.Dynamic;
using Oompa.Tuning.Store;
using InitializationAlgorithm = Oompa.Algorithms.Initialization.Initialization;

namespace Oompa.Algorithms.Tests.Tuning;

/// <summary>The tuner picks, by measured time, which strategy of an algorithm runs a request, and remembers it.</summary>
public sealed class StrategyChoiceTests : IDisposable
{
    private readonly TuningFixture fixture = new();

    public void Dispose() => fixture.Dispose();

    [Fact]
    public void Choosing_among_cpu_and_opencl_times_both_on_the_original_data_and_stores_the_choice()
    {
        using var data = TuningFixture.Host(new Size(50, 9), 11);
        using var addend = TuningFixture.Host(new Size(50, 9), 12);
        var before = data.GetLogical<float>();
        var output = new AccumulateOutput(data.Payload);
        var input = new AccumulateInput(addend.Payload);
        var options = new StrategyChooserOptions { Devices = [CpuDevice.Default, OpenClTestDevice.Device], Repetitions = 2 };
        using var algorithm = new Accumulate([Accumulate.Cpu(), Accumulate.OpenCl(OpenClTestDevice.Device, s => s.Tuner = fixture.Tuner("off"))]);

        var choice = StrategyChooser.Choose(fixture.Tuner("tune"), algorithm, output, input, new AccumulateSettings(1), options);

        Assert.False(choice.FromStore);
        Assert.Equal([CpuStrategiesNames.Single, "OpenCl.Kernels"], choice.Timings.Select(t => t.Strategy));
        Assert.All(choice.Timings, t => Assert.NotNull(t.Seconds));
        Assert.Equal(choice.Timings.MinBy(t => t.Seconds)!.Strategy, choice.Chosen);
        Assert.Equal(choice.Chosen, algorithm.PreferredStrategy);
        Assert.Equal(choice.Chosen, algorithm.StrategyName);
        Assert.Equal(before, data.GetLogical<float>());

        var entry = Assert.Single(new TuningStore(fixture.Store).Entries);
        Assert.Equal("choice:Accumulate", entry.Key.Strategy);
        Assert.Equal(choice.Chosen, StrategyChooser.ChosenName(entry));

        using var again = new Accumulate([Accumulate.Cpu(), Accumulate.OpenCl(OpenClTestDevice.Device, s => s.Tuner = fixture.Tuner("off"))]);
        var stored = StrategyChooser.Choose(fixture.Tuner("use-stored"), again, output, input, new AccumulateSettings(1), options);
        Assert.True(stored.FromStore);
        Assert.Empty(stored.Timings);
        Assert.Equal(choice.Chosen, again.StrategyName);

        again.Execute(output, input);
        var expected = before.Zip(addend.GetLogical<float>(), (a, b) => a + b).ToArray();
        Assert.Equal(expected, data.GetLogical<float>());
    }

    [Fact]
    public void Initialization_chooses_between_its_cpu_and_opencl_strategies_for_host_payloads_without_tuning_while_timing()
    {
        using var data = new GuardedPayload<LogicalDescriptor>(new LogicalDescriptor(new Size(128, 16)), DataType.Float32);
        var output = new InitializationOutput(data.Payload);
        using var algorithm = new InitializationAlgorithm(
            [.. InitializationStrategies.Cpu(new CpuDevice(2)), .. InitializationStrategies.OpenCl(OpenClTestDevice.Device)]);

        var tuner = fixture.Tuner("tune");
        StrategyChoice choice;
        using (KernelTuner.Use(tuner))
        {
            choice = StrategyChooser.Choose(tuner, algorithm, output, NoPayloads.Instance, new InitializationSettings(3),
                new StrategyChooserOptions { Devices = [CpuDevice.Default, OpenClTestDevice.Device], Repetitions = 1 });
        }

        Assert.Equal(0, tuner.Steps);
        Assert.Equal(3, choice.Timings.Count(t => t.Seconds is not null));
        Assert.NotNull(choice.Chosen);
        Assert.NotNull(choice.Speedup);
        algorithm.Execute(output, NoPayloads.Instance);
        Assert.All(data.GetLogical<float>(), v => Assert.Equal(3f, v));
        data.AssertGuardsIntact();
    }

    [Fact]
    public void Off_and_use_stored_without_a_choice_leave_the_order_alone()
    {
        using var data = TuningFixture.Host(new Size(8, 2), 13);
        var output = new AccumulateOutput(data.Payload);
        var input = new AccumulateInput(data.Payload);
        using var algorithm = new Accumulate([Accumulate.Cpu()]);

        foreach (var mode in new[] { "off", "use-stored" })
        {
            var choice = StrategyChooser.Choose(fixture.Tuner(mode), algorithm, output, input, new AccumulateSettings(1));
            Assert.Null(choice.Chosen);
            Assert.Null(algorithm.PreferredStrategy);
            Assert.Equal(CpuStrategiesNames.Single, algorithm.StrategyName);
        }

        Assert.False(File.Exists(Path.Combine(fixture.Store, TuningStore.FileName)));
    }

    private static class CpuStrategiesNames
    {
        public const string Single = Common.CpuStrategies.SingleThreaded;
    }
}
