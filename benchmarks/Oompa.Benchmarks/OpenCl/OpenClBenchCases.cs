using Oompa.Algorithms.Initialization;
using Oompa.Core.Data;
using Oompa.Core.Devices.OpenCl;

namespace Oompa.Benchmarks.OpenCl;

/// <summary>The algorithm kernels <see cref="OpenClBench"/> measures, each on device-resident S×S data.</summary>
internal static class OpenClBenchCases
{
    public static IReadOnlyList<Func<OpenClDevice, int, OpenClBenchCase>> All { get; } =
    [
        Fill,
    ];

    /// <summary>Lines comparing the device FFT with FFTW; none until an OpenCL FFT strategy exists.</summary>
    public static IEnumerable<(string Label, string Text, IReadOnlyList<(string Key, object Value)> Fields)> FftComparison(OpenClDevice device, int size) => [];

    private static OpenClBenchCase Fill(OpenClDevice device, int size)
    {
        var data = device.Allocate(new LogicalDescriptor(new Size(size, size)), DataType.Float32, "data");
        var algorithm = new Initialization(InitializationStrategies.OpenCl(device));
        var output = new InitializationOutput(data.Payload);
        algorithm.Init(output, NoPayloads.Instance, new InitializationSettings(1)).ThrowIfFailed();
        return new OpenClBenchCase("Initialization", $"{size}x{size} float", (long)size * size * sizeof(float),
            () => algorithm.Execute(output, NoPayloads.Instance),
            () =>
            {
                algorithm.Dispose();
                data.Dispose();
            });
    }
}
