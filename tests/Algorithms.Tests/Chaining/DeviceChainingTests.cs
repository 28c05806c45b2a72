using Oompa.Algorithms.FourierProcessing;
using Oompa.Algorithms.Initialization;
using Oompa.Core.Data;
using Oompa.Core.Devices.OpenCl;
using Oompa.Core.Memory;
using Init = Oompa.Algorithms.Initialization.Initialization;
using Processing = Oompa.Algorithms.FourierProcessing.FourierProcessing;

namespace Oompa.Algorithms.Tests.Chaining;

/// <summary>Algorithms chained on device payloads: no host round trip between them, and everything released after.</summary>
public sealed class DeviceChainingTests
{
    [Fact]
    public void Initialization_then_normalisation_run_on_the_device_without_host_transfers()
    {
        var info = OpenClDeviceSelection.Preferred(OpenClDiscovery.Discover().Devices)
            ?? throw new InvalidOperationException("No OpenCL device: install pocl-opencl-icd.");
        using var device = OpenClDevice.Open(info, 0, new OpenClDeviceOptions(BinaryCacheDirectory: string.Empty));
        var spatial = new Size(16, 8, 1, 3);
        var spectrum = FourierDescriptor.ForSpatial(spatial).ToFrequency();
        var normalised = Processing.OutputDescriptor(spectrum, new FourierProcessingSettings { Normalize = true });
        float[] result;
        using (var input = device.Allocate<FourierDescriptor>(spectrum, DataType.Complex32, "spectrum"))
        using (var output = device.Allocate<FourierDescriptor>(normalised, DataType.Complex32, "normalised"))
        using (var fill = new Init(InitializationStrategies.OpenCl(device)))
        using (var process = new Processing(FourierProcessingStrategies.OpenCl(device)))
        {
            var asLogical = input.Payload.WithDescriptor(input.Payload.Descriptor.Layout);
            fill.Init(new InitializationOutput(asLogical), NoPayloads.Instance, new InitializationSettings(64, -32)).ThrowIfFailed();
            var processIn = new FourierProcessingInput(input.Payload);
            var processOut = new FourierProcessingOutput(output.Payload);
            process.Init(processOut, processIn, new FourierProcessingSettings { Normalize = true }).ThrowIfFailed();

            long toDevice = device.ComputeQueue.BytesToDevice + device.TransferQueue.BytesToDevice;
            long toHost = device.ComputeQueue.BytesToHost + device.TransferQueue.BytesToHost;
            fill.Execute(new InitializationOutput(asLogical), NoPayloads.Instance);
            process.Execute(processOut, processIn);
            process.Synchronize();
            Assert.Equal(toDevice, device.ComputeQueue.BytesToDevice + device.TransferQueue.BytesToDevice);
            Assert.Equal(toHost, device.ComputeQueue.BytesToHost + device.TransferQueue.BytesToHost);

            using var host = OwnedPayload<FourierDescriptor>.Allocate(HostAllocator.Shared, normalised, DataType.Complex32, "host");
            device.Download(output.Payload, host.Payload);
            result = [.. host.AsSpan<ComplexF>().ToArray().SelectMany(c => new[] { c.Re, c.Im })];
        }

        float scale = 1f / spatial.Single;
        for (int i = 0; i < result.Length; i += 2)
        {
            Assert.Equal(64 * scale, result[i], 6);
            Assert.Equal(-32 * scale, result[i + 1], 6);
        }

        Assert.Equal(0, device.Allocator.Statistics.LiveAllocations);
        Assert.Equal(0, device.Objects.Live(OpenClObjectKind.Buffer));
        Assert.Equal(0, device.Objects.Live(OpenClObjectKind.Kernel));
        Assert.Equal(0, device.Objects.Live(OpenClObjectKind.Event));
    }
}
