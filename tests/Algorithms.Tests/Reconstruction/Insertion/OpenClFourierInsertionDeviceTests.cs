using Oompa.Algorithms.Reconstruction.Insertion;
using Oompa.Algorithms.Reconstruction.Insertion.OpenCl;
using Oompa.Algorithms.Tests.Support;
using Oompa.Algorithms.Tests.Tuning;
using Oompa.Core.Data;
using Oompa.Core.Devices.OpenCl;
using Oompa.Tuning;
using Oompa.Tuning.Dynamic;
using Oompa.Tuning.Store;
using static Oompa.Algorithms.Tests.Reconstruction.Insertion.OpenClFourierInsertionConfigurationTests;

namespace Oompa.Algorithms.Tests.Reconstruction.Insertion;

/// <summary>
/// The OpenCL insertion beyond the conformance suite: payloads resident on the device (used in place; the spaces are
/// not read on the host, so every plane direction gets its launch), the release of every device buffer and kernel, and
/// dynamic tuning through the public API with every output the caller receives equal to the CPU's.
/// </summary>
public sealed class OpenClFourierInsertionDeviceTests : IDisposable
{
    private readonly TuningFixture fixture = new();

    public void Dispose() => fixture.Dispose();

    [Fact]
    public void Device_payloads_are_used_in_place_and_every_device_buffer_and_kernel_is_released()
    {
        var info = OpenClDeviceSelection.Preferred(OpenClDiscovery.Discover().Devices)
            ?? throw new InvalidOperationException("No OpenCL device: install pocl-opencl-icd.");
        using var device = OpenClDevice.Open(info, 0);
        var table = new FourierInsertionSettings();
        var onTheFly = new FourierInsertionSettings(BlobOrder: 1, Evaluation: BlobEvaluation.OnTheFly);
        var nearest = new FourierInsertionSettings(Mode: InsertionMode.NearestNeighbour);
        var precomputed = FourierInsertionKernels.BlobOnTheFly.Default.With("PRECOMP", 1).With("SHARED_TABLE", 1);
        foreach (var (settings, configuration) in new[] { (table, null), (onTheFly, precomputed), (nearest, FourierInsertionKernels.Nearest.Default.With("ATOMICS", 1).With("GRID_DIM_Z", 4)) })
        {
            var c = Case(settings, half: 5, spaces: 7, seed: 5);
            var (cpuG, cpuW, reference) = RunCpu(c);
            using var h = new InsertionHarness(c);
            using (var spectra = device.Allocate(h.Spectra.Payload.Descriptor, DataType.Complex32, "spectra"))
            using (var spaces = device.Allocate(h.SpacesPayload.Payload.Descriptor, TraverseSpace.DataType, "spaces"))
            using (var blobTable = device.Allocate(FourierInsertion.TableDescriptor(c.TableSize), DataType.Float32, "table"))
            using (var volume = device.Allocate(h.Volume.Payload.Descriptor, DataType.Complex32, "volume"))
            using (var weights = device.Allocate(h.Weights.Payload.Descriptor, DataType.Float32, "weights"))
            using (var algorithm = new FourierInsertion([StrategyOn(device, configuration)]))
            {
                device.Upload(h.Spectra.Payload, spectra.Payload);
                device.Upload(h.SpacesPayload.Payload, spaces.Payload);
                device.Upload(h.Volume.Payload, volume.Payload);
                device.Upload(h.Weights.Payload, weights.Payload);
                if (h.Table is { } hostTable)
                {
                    device.Upload(hostTable.Payload, blobTable.Payload);
                }

                var output = new FourierInsertionOutput(volume.Payload, weights.Payload);
                var input = new FourierInsertionInput(spectra.Payload, spaces.Payload, settings.UsesTable ? blobTable.Payload : null);
                algorithm.Init(output, input, settings).ThrowIfFailed();
                algorithm.Execute(output, input);
                device.Download(volume.Payload, h.Volume.Payload);
                device.Download(weights.Payload, h.Weights.Payload);
            }

            h.AssertMatches(reference, settings.Mode == InsertionMode.NearestNeighbour ? FourierInsertionConformance.NearestRel
                : settings.UsesTable ? FourierInsertionConformance.TableRel : FourierInsertionConformance.OnTheFlyRel);
            h.AssertInputsAndGuardsIntact();
            AssertAgree(cpuG, cpuW, h, settings.UsesTable || settings.Mode == InsertionMode.NearestNeighbour ? 1e-5 : 1e-4, $"{settings}");

            // Host payloads on the same device: staged through buffers the strategy owns until it is disposed.
            using var staged = new InsertionHarness(c);
            using (var algorithm = new FourierInsertion([StrategyOn(device, configuration)]))
            {
                algorithm.Init(staged.Output, staged.Input, settings).ThrowIfFailed();
                algorithm.Execute(staged.Output, staged.Input);
            }

            AssertAgree(cpuG, cpuW, staged, settings.UsesTable || settings.Mode == InsertionMode.NearestNeighbour ? 1e-5 : 1e-4, $"{settings} staged");
        }

        device.Synchronize();
        Assert.Equal(0, device.Allocator.Statistics.LiveAllocations);
        Assert.Equal(0, device.Objects.Live(OpenClObjectKind.Buffer));
        Assert.Equal(0, device.Objects.Live(OpenClObjectKind.Kernel));
    }

    [Fact]
    public void Insertion_is_tuned_on_the_device_and_every_output_matches_the_cpu()
    {
        var settings = new FourierInsertionSettings();
        var c = Case(settings, half: 6, spaces: 9, seed: 21);
        var (cpuG, cpuW, _) = RunCpu(c);
        using var h = new InsertionHarness(c);
        var tuner = fixture.Tuner("tune:4", annealing: true);
        using (KernelTuner.Use(tuner))
        using (var algorithm = new FourierInsertion(FourierInsertionStrategies.OpenCl(OpenClTestDevice.Device)))
        {
            algorithm.Init(h.Output, h.Input, settings).ThrowIfFailed();
            for (int n = 0; n < 12 && tuner.Sessions is not [{ IsFinished: true }]; n++)
            {
                h.Volume.SetLogical<ComplexF>(h.G0);
                h.Weights.SetLogical<float>(h.W0);
                algorithm.Execute(h.Output, h.Input);
                algorithm.Synchronize();
                AssertAgree(cpuG, cpuW, h, 1e-5, $"execution {n}");
            }
        }

        var session = Assert.Single(tuner.Sessions);
        Assert.True(session.IsFinished);
        Assert.Equal(4, session.Steps);
        // Candidates either ran (and agreed, or the tuner would have reported a validation failure) or exceeded the
        // work-group size the device allows for the kernel (NVIDIA allows fewer work-items to kernels using many registers).
        Assert.All(session.Records, r => Assert.True(
            r.Measurement.IsSuccess || (r.Measurement.Status == TuningStatus.DeviceLimitsExceeded && r.Measurement.ToString().Contains("allows for this kernel", StringComparison.Ordinal)),
            r.Measurement.ToString()));
        Assert.Contains(session.Records, r => r.Measurement.IsSuccess);
        var entry = Assert.Single(new TuningStore(fixture.Store).Entries);
        Assert.Equal(FourierInsertionKernels.BlobTable.Name, entry.Key.Strategy);
        Assert.True(FourierInsertionKernels.BlobTable.Space.IsValid(entry.Configuration));
        h.AssertInputsAndGuardsIntact();
    }

    private static Core.Algorithms.StrategyFactory<FourierInsertionOutput, FourierInsertionInput, FourierInsertionSettings> StrategyOn(
        OpenClDevice device, Oompa.Tuning.Spaces.TuningConfiguration? configuration) =>
        new(Common.OpenCl.OpenClStrategies.Kernels, () => new OpenClFourierInsertion(Common.OpenCl.OpenClStrategies.Kernels, device) { Configuration = configuration });
}
