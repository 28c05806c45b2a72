using Oompa.Algorithms.Initialization;
using Oompa.Algorithms.Initialization.OpenCl;
using Oompa.Algorithms.Tests.Support;
using Oompa.Core.Data;
using Oompa.Tuning.Dynamic;
using Oompa.Tuning.Store;
using InitializationAlgorithm = Oompa.Algorithms.Initialization.Initialization;

namespace Oompa.Algorithms.Tests.Tuning;

/// <summary>The real <c>Initialization.Fill</c> kernel tuned on the test device with a small budget, through the public API.</summary>
public sealed class FillTuningTests : IDisposable
{
    private readonly TuningFixture fixture = new();

    public void Dispose() => fixture.Dispose();

    [Fact]
    public void Fill_is_tuned_with_a_small_budget_then_runs_its_stored_best_with_no_steps()
    {
        var descriptor = new LogicalDescriptor(new Size(300, 7, 1, 3), new Padding(2, 1, 1, 0, 0, 0));
        using var data = new GuardedPayload<LogicalDescriptor>(descriptor, DataType.Float32);
        var output = new InitializationOutput(data.Payload);
        var tuner = fixture.Tuner("tune:6", annealing: true);
        using (KernelTuner.Use(tuner))
        {
            using var fill = new InitializationAlgorithm(InitializationStrategies.OpenCl(OpenClTestDevice.Device));
            fill.Init(output, NoPayloads.Instance, new InitializationSettings(1)).ThrowIfFailed();
            for (int i = 0; i < 12 && tuner.Sessions is not [{ IsFinished: true }]; i++)
            {
                data.Span<float>().Clear();
                fill.Execute(output, NoPayloads.Instance);
                Assert.All(data.GetLogical<float>(), v => Assert.Equal(1f, v));
            }
        }

        var session = Assert.Single(tuner.Sessions);
        Assert.True(session.IsFinished);
        Assert.Equal(6, session.Steps);
        Assert.All(session.Records, r => Assert.True(r.Measurement.IsSuccess, r.Measurement.ToString()));
        var entry = Assert.Single(new TuningStore(fixture.Store).Entries);
        Assert.Equal(InitializationKernels.Fill.Name, entry.Key.Strategy);
        Assert.Equal(OpenClTestDevice.Device.Identity, entry.Key.Device);
        Assert.Equal(TuningStoreKey.HashSource(InitializationKernels.Fill.Source.Text), entry.Key.SourceHash);
        Assert.DoesNotContain("settings", entry.Key.Group, StringComparison.Ordinal);
        Assert.True(InitializationKernels.Fill.Space.IsValid(entry.Configuration));

        var again = fixture.Tuner("use-stored");
        using (KernelTuner.Use(again))
        {
            using var fill = new InitializationAlgorithm(InitializationStrategies.OpenCl(OpenClTestDevice.Device));
            fill.Init(output, NoPayloads.Instance, new InitializationSettings(2)).ThrowIfFailed();
            fill.Execute(output, NoPayloads.Instance);
        }

        Assert.All(data.GetLogical<float>(), v => Assert.Equal(2f, v));
        Assert.Equal(0, again.Steps);
        data.AssertGuardsIntact();
    }
}
