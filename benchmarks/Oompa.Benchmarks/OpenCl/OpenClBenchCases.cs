using Oompa.Algorithms.Correlation;
using Oompa.Algorithms.FourierProcessing;
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
        Processing,
        Correlate,
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

    // Normalise + Gaussian filter + crop of an S x S half spectrum to S/2 x S/2: reads the kept coefficients, writes the crop.
    private static OpenClBenchCase Processing(OpenClDevice device, int size)
    {
        var spectrum = FourierDescriptor.ForSpatial(new Size(size, size)).ToFrequency();
        var settings = new FourierProcessingSettings { Normalize = true, GaussianSigma = size / 8.0 };
        var cropped = FourierProcessing.OutputDescriptor(spectrum, new Size(size / 2, size / 2), settings);
        var input = device.Allocate(spectrum, DataType.Complex32, "spectrum", zeroed: true);
        var output = device.Allocate(cropped, DataType.Complex32, "cropped");
        var algorithm = new FourierProcessing(FourierProcessingStrategies.OpenCl(device));
        var o = new FourierProcessingOutput(output.Payload);
        var i = new FourierProcessingInput(input.Payload);
        algorithm.Init(o, i, settings).ThrowIfFailed();
        long bytes = 2 * cropped.Frequency.ElementCount * 8;
        return new OpenClBenchCase("FourierProcessing", $"{size}x{size} spectrum cropped to {size / 2}x{size / 2}, normalise + Gaussian", bytes,
            () => algorithm.Execute(o, i),
            () =>
            {
                algorithm.Dispose();
                output.Dispose();
                input.Dispose();
            });
    }

    // FlexAlign's shape: every pair of 8 cropped S/4 x S/4 spectra (28 pairs), centred.
    private static OpenClBenchCase Correlate(OpenClDevice device, int size)
    {
        var spectra = FourierDescriptor.ForSpatial(new Size(size / 4, size / 4, 1, 8)).ToFrequency();
        var settings = new CorrelationSettings(CorrelationMode.WithinBatch, Center: true);
        var pairs = Correlation.OutputDescriptor(spectra, null, settings);
        var input = device.Allocate(spectra, DataType.Complex32, "spectra", zeroed: true);
        var output = device.Allocate(pairs, DataType.Complex32, "pairs");
        var algorithm = new Correlation(CorrelationStrategies.OpenCl(device));
        var o = new CorrelationOutput(output.Payload);
        var i = new CorrelationInput(input.Payload);
        algorithm.Init(o, i, settings).ThrowIfFailed();
        long bytes = (pairs.Frequency.ElementCount + spectra.Frequency.ElementCount) * 8;
        return new OpenClBenchCase("Correlation", $"28 pairs of 8 {size / 4}x{size / 4} spectra, centred", bytes,
            () => algorithm.Execute(o, i),
            () =>
            {
                algorithm.Dispose();
                output.Dispose();
                input.Dispose();
            });
    }
}
