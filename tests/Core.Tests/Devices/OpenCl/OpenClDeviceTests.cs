using Oompa.Core.Data;
using Oompa.Core.Devices.OpenCl;
using Oompa.Core.Memory;
using Oompa.Core.Tests.IO;

namespace Oompa.Core.Tests.Devices.OpenCl;

// pocl is installed in CI and on development machines, so every test here runs; none may skip for lack of a device.
// Each test opens its own device so the live-object counters belong to it alone.
public sealed class OpenClDeviceTests : IDisposable
{
    private const string Scale = """
        __kernel void scale(__global float* data, const float factor, const int count)
        {
            int i = get_global_id(0);
            if (i < count) { data[i] = data[i] * factor + OFFSET; }
        }
        """;

    private readonly TempDirectory cache = new();
    private readonly OpenClDevice device;

    public OpenClDeviceTests()
    {
        var info = OpenClDeviceSelection.Preferred(OpenClDiscovery.Discover().Devices)
            ?? throw new InvalidOperationException("No OpenCL device: install pocl-opencl-icd.");
        device = OpenClDevice.Open(info, 0, new OpenClDeviceOptions(MemoryLimit: 1 << 20, BinaryCacheDirectory: cache.Path));
    }

    public void Dispose()
    {
        device.Dispose();
        cache.Dispose();
    }

    [Fact]
    public void Buffers_round_trip_through_both_queues_and_are_counted()
    {
        float[] values = [.. Enumerable.Range(0, 1000).Select(i => i * 0.5f)];
        float[] back = new float[values.Length];
        using (var buffer = device.Allocator.AllocateBuffer(values.Length * sizeof(float)))
        {
            Assert.Equal(1, device.Allocator.Statistics.LiveAllocations);
            Assert.Equal(1, device.Objects.Live(OpenClObjectKind.Buffer));
            unsafe
            {
                fixed (float* src = values)
                fixed (float* dst = back)
                {
                    device.TransferQueue.Write(buffer, 0, (nint)src, values.Length * sizeof(float), blocking: true);
                    device.ComputeQueue.Read(buffer, 0, (nint)dst, back.Length * sizeof(float), blocking: true);
                }
            }
        }

        Assert.Equal(values, back);
        Assert.Equal(0, device.Allocator.Statistics.LiveAllocations);
        Assert.Equal(0, device.Allocator.Statistics.LiveBytes);
        Assert.Equal(0, device.Objects.Live(OpenClObjectKind.Buffer));
    }

    [Fact]
    public void Allocation_beyond_the_memory_limit_fails_with_the_live_bytes_and_limit()
    {
        using var first = device.Allocator.AllocateBuffer(700_000);
        var error = Assert.Throws<OutOfMemoryException>(() => device.Allocator.AllocateBuffer(700_000));
        Assert.Contains("700000 bytes are live", error.Message, StringComparison.Ordinal);
        Assert.Contains("limit is 1048576", error.Message, StringComparison.Ordinal);
        Assert.Equal(1, device.Allocator.Statistics.LiveAllocations);
    }

    [Fact]
    public void Zeroed_allocation_reads_back_zeros_and_host_options_are_rejected()
    {
        using var buffer = device.Allocator.AllocateBuffer(4096, new AllocationOptions(Zeroed: true));
        byte[] back = new byte[4096];
        Array.Fill(back, (byte)7);
        unsafe
        {
            fixed (byte* p = back)
            {
                device.ComputeQueue.Read(buffer, 0, (nint)p, 4096, blocking: true);
            }
        }

        Assert.All(back, b => Assert.Equal(0, b));
        Assert.Throws<ArgumentException>(() => device.Allocator.AllocateBuffer(16, new AllocationOptions(Pinned: true)));
    }

    [Fact]
    public void Kernels_build_with_defines_run_and_report_profiled_times()
    {
        var source = new OpenClKernelSource("scale.cl", Scale);
        var program = device.Programs.Get(source, OpenClBuildOptions.From([KeyValuePair.Create("OFFSET", 1L)]));
        using var kernel = program.CreateKernel("scale");
        Assert.True(kernel.MaxWorkGroupSize >= 1);
        using var data = device.Allocate(new LogicalDescriptor(new Size(100)), DataType.Float32, "data");
        using var host = OwnedPayload<LogicalDescriptor>.Allocate(HostAllocator.Shared, data.Payload.Descriptor, DataType.Float32, "host");
        var span = host.AsSpan<float>();
        for (int i = 0; i < span.Length; i++)
        {
            span[i] = i;
        }

        device.Upload(host.Payload, data.Payload, blocking: true);
        kernel.Set(0, OpenClBuffer.Of(data.Payload)).Set(1, 2f).Set(2, 100);
        var events = new List<OpenClEvent>();
        device.ComputeQueue.Launch(kernel, OpenClRange.Linear(100, 32), completion: events);
        span.Clear();
        device.Download(data.Payload, host.Payload);
        using var launched = Assert.Single(events);
        var times = launched.Times();
        Assert.True(times.Ended >= times.Started && times.Started >= times.Queued, $"{times}");
        for (int i = 0; i < span.Length; i++)
        {
            Assert.Equal((2f * i) + 1f, span[i]);
        }
    }

    [Fact]
    public void Programs_are_cached_in_memory_and_as_binaries_on_disk()
    {
        var source = new OpenClKernelSource("scale.cl", Scale);
        var options = OpenClBuildOptions.From([KeyValuePair.Create("OFFSET", 3L)]);
        var first = device.Programs.Get(source, options);
        Assert.Same(first, device.Programs.Get(source, options));
        Assert.Equal(1, device.Programs.SourceBuilds);
        Assert.Single(Directory.GetFiles(cache.Path, "*.bin"));

        var other = device.Programs.Get(source, OpenClBuildOptions.From([KeyValuePair.Create("OFFSET", 4L)]));
        Assert.NotSame(first, other);
        Assert.Equal(2, device.Programs.SourceBuilds);

        using var second = OpenClDevice.Open(device.Info, 0, new OpenClDeviceOptions(BinaryCacheDirectory: cache.Path));
        var loaded = second.Programs.Get(source, options);
        Assert.True(loaded.FromBinary);
        Assert.Equal(0, second.Programs.SourceBuilds);
        Assert.Equal(1, second.Programs.BinaryLoads);
        using var kernel = loaded.CreateKernel("scale");
    }

    [Fact]
    public void A_corrupt_cached_binary_is_rebuilt_from_source()
    {
        var source = new OpenClKernelSource("scale.cl", Scale);
        var options = OpenClBuildOptions.From([KeyValuePair.Create("OFFSET", 5L)]);
        device.Programs.Get(source, options);
        string file = Assert.Single(Directory.GetFiles(cache.Path, "*.bin"));
        File.WriteAllBytes(file, [1, 2, 3, 4]);

        using var second = OpenClDevice.Open(device.Info, 0, new OpenClDeviceOptions(BinaryCacheDirectory: cache.Path));
        var rebuilt = second.Programs.Get(source, options);
        Assert.False(rebuilt.FromBinary);
        Assert.Equal(1, second.Programs.SourceBuilds);
    }

    [Fact]
    public void A_build_error_names_the_program_and_carries_the_compiler_log()
    {
        var broken = new OpenClKernelSource("broken.cl", "__kernel void f(__global float* a) { a[0] = undefined_name; }");
        var error = Assert.Throws<OpenClBuildException>(() => device.Programs.Get(broken));
        Assert.Contains("broken.cl", error.Message, StringComparison.Ordinal);
        Assert.Contains("undefined_name", error.Log, StringComparison.Ordinal);
        Assert.Equal(0, device.Programs.Count);
    }

    [Fact]
    public void Build_options_reject_injection_and_sort_definitions()
    {
        Assert.Throws<ArgumentException>(() => new OpenClBuildOptions([KeyValuePair.Create("A", "1 -cl-opt-disable")]));
        Assert.Throws<ArgumentException>(() => new OpenClBuildOptions([KeyValuePair.Create("1A", "1")]));
        var options = OpenClBuildOptions.From([KeyValuePair.Create("B", 2L), KeyValuePair.Create("A", 1L)]);
        Assert.Equal("-D A=1 -D B=2", options.Text);
        Assert.Equal(options, OpenClBuildOptions.From([KeyValuePair.Create("A", 1L), KeyValuePair.Create("B", 2L)]));
    }

    [Fact]
    public void Missing_kernel_names_are_reported_with_the_call()
    {
        var program = device.Programs.Get(new OpenClKernelSource("scale.cl", Scale), OpenClBuildOptions.From([KeyValuePair.Create("OFFSET", 0L)]));
        var error = Assert.Throws<Oompa.Core.Native.NativeCallException>(() => program.CreateKernel("nope"));
        Assert.Contains("clCreateKernel", error.Message, StringComparison.Ordinal);
        Assert.Contains("CL_INVALID_KERNEL_NAME", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Staging_memory_is_pinned_host_memory_usable_for_transfers()
    {
        using (var staging = device.AllocateStaging(1024))
        {
            Assert.True(staging.Pinned);
            Assert.True(staging.Node.IsHost);
            Assert.Equal(1024, device.StagingStatistics.LiveBytes);
            var payload = new Payload<LogicalDescriptor>(new LogicalDescriptor(new Size(256)), staging.Describe(DataType.Float32), "staging");
            payload.AsSpan<float>().Fill(3f);
            using var onDevice = device.Allocate(payload.Descriptor, DataType.Float32);
            device.Upload(payload, onDevice.Payload, blocking: true);
            payload.AsSpan<float>().Clear();
            device.Download(onDevice.Payload, payload);
            Assert.All(payload.AsSpan<float>().ToArray(), v => Assert.Equal(3f, v));
        }

        Assert.Equal(0, device.StagingStatistics.LiveBytes);
    }

    [Fact]
    public void Transfers_reject_mismatched_payloads_naming_both()
    {
        using var host = OwnedPayload<LogicalDescriptor>.Allocate(HostAllocator.Shared, new LogicalDescriptor(new Size(8)), DataType.Float32, "h");
        using var other = device.Allocate(new LogicalDescriptor(new Size(9)), DataType.Float32, "d");
        var error = Assert.Throws<ArgumentException>(() => device.Upload(host.Payload, other.Payload));
        Assert.Contains("'h'", error.Message, StringComparison.Ordinal);
        Assert.Contains("'d'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Everything_is_released_after_use()
    {
        var program = device.Programs.Get(new OpenClKernelSource("scale.cl", Scale), OpenClBuildOptions.From([KeyValuePair.Create("OFFSET", 9L)]));
        using (var kernel = program.CreateKernel("scale"))
        using (var buffer = device.Allocator.AllocateBuffer(400))
        {
            var events = new List<OpenClEvent>();
            kernel.Set(0, buffer).Set(1, 1f).Set(2, 100);
            device.ComputeQueue.Launch(kernel, OpenClRange.Linear(100, 16), completion: events);
            events[0].Wait();
            events[0].Dispose();
        }

        Assert.Equal(0, device.Objects.Live(OpenClObjectKind.Kernel));
        Assert.Equal(0, device.Objects.Live(OpenClObjectKind.Buffer));
        Assert.Equal(0, device.Objects.Live(OpenClObjectKind.Event));
        Assert.Equal(1, device.Objects.Live(OpenClObjectKind.Program));
        device.Programs.Dispose();
        Assert.Equal(0, device.Objects.Live(OpenClObjectKind.Program));
        Assert.Equal(0, device.Allocator.Statistics.LiveAllocations);
    }

    [Fact]
    public void Identity_names_vendor_device_driver_and_units()
    {
        Assert.StartsWith("opencl|", device.Identity, StringComparison.Ordinal);
        Assert.Contains(device.Info.Name, device.Identity, StringComparison.Ordinal);
        Assert.Contains(device.Info.DriverVersion, device.Identity, StringComparison.Ordinal);
        Assert.Equal(MemoryNode.Device(0), device.MemoryNode);
    }
}
