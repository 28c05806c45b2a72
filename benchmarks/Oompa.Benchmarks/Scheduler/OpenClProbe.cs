using System.Diagnostics;
using Oompa.Core.Data;
using Oompa.Core.Devices;
using Oompa.Core.Devices.OpenCl;
using Oompa.Core.Memory;
using Oompa.Scheduler;
using Oompa.Scheduler.Data;
using Oompa.Scheduler.Models;
using Oompa.Scheduler.Nodes;
using Oompa.Scheduler.Nodes.OpenCl;
using Oompa.Scheduler.Tasks;
using Oompa.Scheduler.Tracing;
using Oompa.Scheduler.Workers;

namespace Oompa.Benchmarks.Scheduler;

/// <summary>A real run on this machine with CPU workers and the first OpenCL device (pocl in CI).</summary>
internal static class OpenClProbe
{
    private const string Source = """
        __kernel void scale(__global float* x, const float factor, const int count)
        {
            int i = get_global_id(0);
            if (i < count) x[i] = x[i] * factor + 1.0f;
        }
        """;

    /// <summary>The host-device link: from profiling events (what the runtime keeps) and from timed copies through the node.</summary>
    public static (LinkCalibration Events, LinkCalibration Timed) Link(OpenClDevice device)
    {
        var node = new OpenClNodeProvider(device);
        var options = TransferCalibrationOptions.Default;
        return (node.Calibrate(options)!, TransferModel.Measure(node, options));
    }

    /// <summary>Microseconds per empty task on the OpenCL worker alone, submit to completion (median of 5 runs).</summary>
    public static double EmptyTaskOverhead(OpenClDevice device, int tasks)
    {
        var codelet = new Codelet("empty", new TaskImplementation("opencl", DeviceKind.Accelerator, static _ => { })) { Modeled = false };
        using var runtime = new TaskRuntime(new RuntimeOptions { Workers = [], Policy = "dmda", PersistModels = false }.WithOpenCl([device]));
        var times = new double[5];
        for (int r = -1; r < times.Length; r++)
        {
            long start = Stopwatch.GetTimestamp();
            for (int i = 0; i < tasks; i++)
            {
                runtime.Submit(codelet);
            }

            runtime.Synchronize();
            if (r >= 0)
            {
                times[r] = Stopwatch.GetElapsedTime(start).TotalMicroseconds / tasks;
            }
        }

        Array.Sort(times);
        return times[times.Length / 2];
    }

    /// <summary>
    /// <paramref name="rounds"/> rounds of a scale task (CPU loop or OpenCL kernel) over each of
    /// <paramref name="arrays"/> arrays of <paramref name="floats"/> floats, placed by dmda on one CPU worker and the
    /// OpenCL worker (this machine's two cores are shared with pocl), then brought home.
    /// </summary>
    public static (double Seconds, RuntimeSummary Summary) Workload(OpenClDevice device, int arrays, int floats, int rounds)
    {
        var program = device.Programs.Get(new OpenClKernelSource("bench_scale.cl", Source));
        using var kernel = program.CreateKernel("scale");
        using (var warm = device.Allocator.AllocateBuffer((long)floats * sizeof(float), new AllocationOptions(Zeroed: true)))
        {
            // pocl compiles a kernel for its work-group size at the first launch: keep that out of the timing.
            kernel.Set(0, warm).Set(1, 0.5f).Set(2, floats);
            device.ComputeQueue.Launch(kernel, OpenClRange.Linear(floats, 64));
            device.ComputeQueue.Finish();
        }

        var codelet = new Codelet(
            "scale",
            new TaskImplementation("cpu", DeviceKind.Cpu, c =>
            {
                var x = c.Span<float>(0);
                for (int i = 0; i < x.Length; i++)
                {
                    x[i] = (x[i] * 0.5f) + 1f;
                }
            }),
            new TaskImplementation("opencl", DeviceKind.Accelerator, c =>
            {
                int count = checked((int)(c.Handle(0).Bytes / sizeof(float)));
                kernel.Set(0, OpenClBuffer.Of(c.Payload(0))).Set(1, 0.5f).Set(2, count);
                device.ComputeQueue.Launch(kernel, OpenClRange.Linear(count, 64));
            }));
        var data = Enumerable.Range(0, arrays)
            .Select(a => OwnedPayload<LogicalDescriptor>.Allocate(HostAllocator.Shared, new LogicalDescriptor(new Size(floats)), DataType.Float32, $"x{a}", new AllocationOptions(Zeroed: true)))
            .ToArray();
        try
        {
            using var runtime = new TaskRuntime(new RuntimeOptions { Workers = CpuWorker.Split(1), Policy = "dmda", PersistModels = false }.WithOpenCl([device]));
            var handles = data.Select(d => runtime.Register(d.Payload)).ToArray();
            long start = Stopwatch.GetTimestamp();
            for (int r = 0; r < rounds; r++)
            {
                foreach (var h in handles)
                {
                    runtime.Submit(codelet, new DataAccess(h, AccessMode.ReadWrite));
                }
            }

            runtime.Synchronize();
            return (Stopwatch.GetElapsedTime(start).TotalSeconds, runtime.Summary());
        }
        finally
        {
            foreach (var d in data)
            {
                d.Dispose();
            }
        }
    }
}
