using System.Globalization;
using Oompa.Benchmarks.Harness;
using Oompa.Core.Data;
using Oompa.Core.Devices.OpenCl;
using Oompa.Core.Memory;

namespace Oompa.Benchmarks.OpenCl;

/// <summary>
/// <c>./oompa bench opencl [--size S]</c>: on the first OpenCL device, the effective bandwidth of every algorithm's
/// kernels on device-resident S×S single-precision data (default 2048), timed with profiling markers, as a ratio to a
/// device-to-device copy of the same bytes measured in the same process; host↔device transfer bandwidth from pageable
/// and pinned memory; the FFT time next to FFTW on the same data; and FourierInsertion's inserted voxels/s at 64² and
/// 128² projections (<see cref="InsertionBench"/>, fixed shapes). Last line JSON.
/// </summary>
internal static class OpenClBench
{
    public static BenchReport Run(string[] args)
    {
        int size = Option(args, "--size", 2048);
        var device = OpenClDevices.Require();
        var report = new BenchReport("opencl")
            .Line("device", $"{device.Info.Name} ({device.Info.TypeName}, {device.Info.ComputeUnits} units), driver {device.Info.DriverVersion}")
            .Field("device", device.Info.Name)
            .Field("driver", device.Info.DriverVersion)
            .Field("size", size);

        long bytes = (long)size * size * sizeof(float);
        double copy = CopyBandwidth(device, bytes);
        report.Line("device copy", Gbps(copy) + " (baseline)").Field("copy_gbps", copy / 1e9);
        Transfers(device, bytes, report);

        foreach (var make in OpenClBenchCases.All)
        {
            var benchCase = make(device, size);
            try
            {
                double seconds = DeviceTimer.MedianSeconds(device.ComputeQueue, benchCase.Enqueue);
                double rate = benchCase.Bytes / seconds;
                report.Line(benchCase.Name, string.Create(CultureInfo.InvariantCulture, $"{seconds * 1e3,8:F3} ms  {Gbps(rate)}  {rate / copy:F2} of copy  ({benchCase.Shape})"))
                    .Field(Key(benchCase.Name) + "_ms", seconds * 1e3)
                    .Field(Key(benchCase.Name) + "_gbps", rate / 1e9);
            }
            finally
            {
                benchCase.Release();
            }
        }

        foreach (var line in OpenClBenchCases.FftComparison(device, size).Concat(InsertionBench.Rates(device)))
        {
            report.Line(line.Label, line.Text);
            foreach (var (key, value) in line.Fields)
            {
                report.Field(key, value);
            }
        }

        return report;
    }

    private static double CopyBandwidth(OpenClDevice device, long bytes)
    {
        using var a = device.Allocator.AllocateBuffer(bytes);
        using var b = device.Allocator.AllocateBuffer(bytes);
        double seconds = DeviceTimer.MedianSeconds(device.ComputeQueue, () => device.ComputeQueue.Copy(a, 0, b, 0, bytes));
        return 2.0 * bytes / seconds;
    }

    private static void Transfers(OpenClDevice device, long bytes, BenchReport report)
    {
        var descriptor = new LogicalDescriptor(new Size((int)(bytes / sizeof(float))));
        using var onDevice = device.Allocate(descriptor, DataType.Float32);
        using var pageable = OwnedPayload<LogicalDescriptor>.Allocate(HostAllocator.Shared, descriptor, DataType.Float32);
        pageable.AsSpan<float>().Fill(1);
        using var staging = device.AllocateStaging(bytes);
        var pinned = new Payload<LogicalDescriptor>(descriptor, staging.Describe(DataType.Float32));
        foreach (var (name, host) in new[] { ("pageable", pageable.Payload), ("pinned", pinned) })
        {
            double up = DeviceTimer.WallMedianSeconds(() => device.Upload(host, onDevice.Payload, blocking: true), warmup: 2, iterations: 6);
            double down = DeviceTimer.WallMedianSeconds(() => device.Download(onDevice.Payload, host), warmup: 2, iterations: 6);
            report.Line($"host->device ({name})", Gbps(bytes / up))
                .Line($"device->host ({name})", Gbps(bytes / down))
                .Field($"upload_{name}_gbps", bytes / up / 1e9)
                .Field($"download_{name}_gbps", bytes / down / 1e9);
        }
    }

    private static string Gbps(double bytesPerSecond) => string.Create(CultureInfo.InvariantCulture, $"{bytesPerSecond / 1e9,7:F2} GB/s");

    private static string Key(string name) => name.ToLowerInvariant().Replace(' ', '_').Replace('.', '_').Replace('-', '_');

    private static int Option(string[] args, string name, int fallback)
    {
        int i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length && int.TryParse(args[i + 1], NumberStyles.Integer, CultureInfo.InvariantCulture, out int value) && value > 0
            ? value
            : i >= 0 ? throw new InvalidOperationException($"{name} needs a positive integer.") : fallback;
    }
}
