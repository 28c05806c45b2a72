using System.Globalization;
using Oompa.Algorithms.Correlation;
using Oompa.Algorithms.Extrema;
using Oompa.Algorithms.Reduction;
using Oompa.Algorithms.Fft;
using Oompa.Algorithms.FourierProcessing;
using Oompa.Algorithms.Initialization;
using Oompa.Core.Data;
using Oompa.Core.Devices;
using Oompa.Core.Devices.OpenCl;
using Oompa.Core.Memory;

namespace Oompa.Benchmarks.OpenCl;

/// <summary>The algorithm kernels <see cref="OpenClBench"/> measures, each on device-resident S×S data.</summary>
internal static class OpenClBenchCases
{
    public static IReadOnlyList<Func<OpenClDevice, int, OpenClBenchCase>> All { get; } =
    [
        Fill,
        Processing,
        Correlate,
        Accumulate,
        Statistics,
        Extrema,
    ];

    /// <summary>
    /// A batch of 4 S×S R2C transforms, out of place: clFFT on device payloads (device time) next to FFTW's multi-threaded
    /// CPU strategy on host payloads holding the same data (wall time), both medians after warm-up.
    /// </summary>
    public static IEnumerable<(string Label, string Text, IReadOnlyList<(string Key, object Value)> Fields)> FftComparison(OpenClDevice device, int size)
    {
        var spatial = FourierDescriptor.ForSpatial(new Size(size, size, 1, 4));
        var settings = FourierTransformSettings.Forward;
        var spectrum = FourierTransform.OutputDescriptor(spatial, settings);
        using var hostIn = OwnedPayload<FourierDescriptor>.Allocate(HostAllocator.Shared, spatial, DataType.Float32, "frames");
        using var hostOut = OwnedPayload<FourierDescriptor>.Allocate(HostAllocator.Shared, spectrum, DataType.Complex32, "spectra");
        var random = new Random(1);
        foreach (ref float v in hostIn.AsSpan<float>())
        {
            v = (float)random.NextDouble();
        }

        using var cpu = new FourierTransform(FourierTransformStrategies.Cpu(CpuDevice.Default).Take(1));
        var cpuOut = new FourierTransformOutput(hostOut.Payload);
        var cpuIn = new FourierTransformInput(hostIn.Payload);
        cpu.Init(cpuOut, cpuIn, settings).ThrowIfFailed();
        double fftw = DeviceTimer.WallMedianSeconds(() => cpu.Execute(cpuOut, cpuIn));

        using var devIn = device.Allocate(spatial, DataType.Float32, "frames");
        using var devOut = device.Allocate(spectrum, DataType.Complex32, "spectra");
        device.Upload(hostIn.Payload, devIn.Payload, blocking: true);
        using var gpu = new FourierTransform(FourierTransformStrategies.OpenCl(device));
        var gpuOut = new FourierTransformOutput(devOut.Payload);
        var gpuIn = new FourierTransformInput(devIn.Payload);
        gpu.Init(gpuOut, gpuIn, settings).ThrowIfFailed();
        double clfft = DeviceTimer.MedianSeconds(device.ComputeQueue, () => gpu.Execute(gpuOut, gpuIn));

        string shape = string.Create(CultureInfo.InvariantCulture, $"4 x {size}x{size} R2C");
        yield return ("FFT clFFT (device)", string.Create(CultureInfo.InvariantCulture, $"{clfft * 1e3,8:F3} ms  ({shape})"), [("fft_clfft_ms", clfft * 1e3)]);
        yield return ("FFT FFTW (host)", string.Create(CultureInfo.InvariantCulture, $"{fftw * 1e3,8:F3} ms  ({shape}, {CpuDevice.Default.Threads} threads)"), [("fft_fftw_ms", fftw * 1e3)]);
        yield return ("FFT clFFT / FFTW", string.Create(CultureInfo.InvariantCulture, $"{clfft / fftw:F2}"), [("fft_clfft_over_fftw", clfft / fftw)]);
    }

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

    // Piecewise accumulation of one S x S image into another: reads both, writes one.
    private static OpenClBenchCase Accumulate(OpenClDevice device, int size)
    {
        var descriptor = new LogicalDescriptor(new Size(size, size));
        var sum = device.Allocate(descriptor, DataType.Float32, "sum", zeroed: true);
        var frame = device.Allocate(descriptor, DataType.Float32, "frame", zeroed: true);
        var algorithm = new Reduction(ReductionStrategies.OpenCl(device));
        var o = ReductionOutput.Accumulate(sum.Payload);
        var i = new ReductionInput(frame.Payload);
        algorithm.Init(o, i, ReductionSettings.PiecewiseAdd).ThrowIfFailed();
        return new OpenClBenchCase("Reduction add", $"{size}x{size} float += {size}x{size}", 3L * size * size * sizeof(float),
            () => algorithm.Execute(o, i),
            () =>
            {
                algorithm.Dispose();
                frame.Dispose();
                sum.Dispose();
            });
    }

    // The sum of each of 16 (S/4) x (S/4) images: reads every element once.
    private static OpenClBenchCase Statistics(OpenClDevice device, int size)
    {
        var descriptor = new LogicalDescriptor(new Size(size / 4, size / 4, 1, 16));
        var settings = new ReductionSettings(ReductionOperation.Sum);
        var data = device.Allocate(descriptor, DataType.Float32, "images", zeroed: true);
        var values = device.Allocate(Reduction.OutputDescriptor(descriptor, settings), DataType.Float32, "sums");
        var algorithm = new Reduction(ReductionStrategies.OpenCl(device));
        var o = ReductionOutput.PerSignal(values.Payload);
        var i = new ReductionInput(data.Payload);
        algorithm.Init(o, i, settings).ThrowIfFailed();
        return new OpenClBenchCase("Reduction sum", $"16 x {size / 4}x{size / 4} float", descriptor.ElementCount * sizeof(float),
            () => algorithm.Execute(o, i),
            () =>
            {
                algorithm.Dispose();
                values.Dispose();
                data.Dispose();
            });
    }

    // Maximum value and location, sub-pixel by the 3x3 Gaussian fit, of each of 16 (S/4) x (S/4) correlation images.
    private static OpenClBenchCase Extrema(OpenClDevice device, int size)
    {
        var descriptor = new LogicalDescriptor(new Size(size / 4, size / 4, 1, 16));
        var settings = ExtremaSettings.MaxOfEntire with { Precision = ExtremaPrecision.GaussianFit3 };
        var data = device.Allocate(descriptor, DataType.Float32, "correlations", zeroed: true);
        var values = device.Allocate(ExtremaFinder.ValuesDescriptor(descriptor), DataType.Float32, "values");
        var locations = device.Allocate(ExtremaFinder.LocationsDescriptor(descriptor), DataType.Float32, "locations");
        var algorithm = new ExtremaFinder(ExtremaFinderStrategies.OpenCl(device));
        var o = new ExtremaOutput(values.Payload, locations.Payload);
        var i = new ExtremaInput(data.Payload);
        algorithm.Init(o, i, settings).ThrowIfFailed();
        return new OpenClBenchCase("ExtremaFinder", $"16 x {size / 4}x{size / 4} float, max + Gaussian fit", descriptor.ElementCount * sizeof(float),
            () => algorithm.Execute(o, i),
            () =>
            {
                algorithm.Dispose();
                locations.Dispose();
                values.Dispose();
                data.Dispose();
            });
    }
}
