using Oompa.Core.Data;
using Oompa.Scheduler.Data;
using Oompa.Scheduler.Tasks;
using Oompa.Scheduler.Tests.Support;

namespace Oompa.Scheduler.Tests.Runtime;

/// <summary>Transient handles: intermediate data that stays on the device and is never copied home unasked.</summary>
public class TransientTests
{
    private const int Length = 8;

    [Fact]
    public async Task Transient_data_passes_between_device_tasks_and_is_dropped_not_copied_home_by_synchronize()
    {
        using var arrays = new HostArrays();
        var input = arrays.Add(Length, "input", i => i);
        var middle = arrays.Add(Length, "middle", _ => -1);
        var result = arrays.Add(Length, "result", _ => 0);
        var device = new FakeDeviceNode(0);
        await using var runtime = new TaskRuntime(CoherencyTests.Options(device));
        var hIn = runtime.Register(input.Payload);
        var hMid = runtime.MarkTransient(middle.Payload);
        Assert.True(hMid.IsTransient);
        var hOut = runtime.Register(result.Payload);

        var square = TestRuntimes.Device("square", c =>
        {
            var x = Kernels.Doubles(c, 0);
            var y = Kernels.Doubles(c, 1);
            for (int i = 0; i < x.Length; i++)
            {
                y[i] = x[i] * x[i];
            }
        });
        var plusOne = TestRuntimes.Device("plus one", c =>
        {
            var x = Kernels.Doubles(c, 0);
            var y = Kernels.Doubles(c, 1);
            for (int i = 0; i < x.Length; i++)
            {
                y[i] = x[i] + 1;
            }
        });
        runtime.Submit(square, new DataAccess(hIn, AccessMode.Read), new DataAccess(hMid, AccessMode.Write));
        runtime.Submit(plusOne, new DataAccess(hMid, AccessMode.Read), new DataAccess(hOut, AccessMode.Write));
        await runtime.SynchronizeWithinTimeoutAsync();

        Assert.Equal(Enumerable.Range(0, Length).Select(i => (i * i) + 1.0), result.AsSpan<double>().ToArray());
        // The intermediate never came home: its memory still holds what the host put there, and it was dropped.
        Assert.All(middle.AsSpan<double>().ToArray(), v => Assert.Equal(-1, v));
        Assert.True(hMid.IsUnregistered);
        var toHost = runtime.Summary().Links.Where(l => l.To == MemoryNode.Host.ToString()).Sum(l => l.Bytes);
        Assert.Equal(Length * sizeof(double), toHost);
        Assert.Equal(2 * Length * sizeof(double), device.LiveBytes);   // clean copies of input and result stay cached
    }

    [Fact]
    public async Task Acquire_still_brings_transient_data_home_when_asked()
    {
        using var arrays = new HostArrays();
        var middle = arrays.Add(Length, "middle", _ => -1);
        var device = new FakeDeviceNode(0);
        await using var runtime = new TaskRuntime(CoherencyTests.Options(device));
        var h = runtime.MarkTransient(middle.Payload);
        runtime.Submit(TestRuntimes.Device("fill", c => Kernels.Doubles(c, 0).Fill(5)), new DataAccess(h, AccessMode.Write));
        await runtime.AcquireAsync(h).WaitAsync(TestRuntimes.Timeout);
        Assert.All(middle.AsSpan<double>().ToArray(), v => Assert.Equal(5, v));
    }

    [Fact]
    public async Task A_new_registration_over_unused_transient_memory_drops_it_without_writing_it_back()
    {
        using var arrays = new HostArrays();
        var buffer = arrays.Add(2 * Length, "buffer", _ => -1);
        var device = new FakeDeviceNode(0);
        await using var runtime = new TaskRuntime(CoherencyTests.Options(device));
        var whole = runtime.MarkTransient(buffer.Payload);
        await runtime.Submit(TestRuntimes.Device("fill", c => Kernels.Doubles(c, 0).Fill(5)), new DataAccess(whole, AccessMode.Write))
            .Completion.WaitAsync(TestRuntimes.Timeout);

        // The same memory seen as a smaller payload: the unused transient handle goes, its device copy with it.
        var half = buffer.Payload with { Descriptor = new LogicalDescriptor(new Size(Length)) };
        var h = runtime.GetOrRegister(half);
        Assert.True(whole.IsUnregistered);
        Assert.False(h.IsTransient);
        Assert.Equal(0, device.LiveBytes);
        Assert.All(buffer.AsSpan<double>().ToArray(), v => Assert.Equal(-1, v));

        // Re-registering the same region keeps a transient handle (the next task of a chain reads it).
        var again = runtime.MarkTransient(half);
        await runtime.Submit(TestRuntimes.Device("fill", c => Kernels.Doubles(c, 0).Fill(7)), new DataAccess(again, AccessMode.Write))
            .Completion.WaitAsync(TestRuntimes.Timeout);
        Assert.Same(again, runtime.GetOrRegister(half));
        Assert.False(again.IsUnregistered);
    }

    [Fact]
    public async Task DropTransient_frees_unused_transient_data_on_the_device_and_keeps_the_rest()
    {
        using var arrays = new HostArrays();
        var middle = arrays.Add(Length, "middle", _ => -1);
        var kept = arrays.Add(Length, "kept", i => i);
        var device = new FakeDeviceNode(0);
        await using var runtime = new TaskRuntime(CoherencyTests.Options(device));
        var transient = runtime.MarkTransient(middle.Payload);
        var plain = runtime.Register(kept.Payload);
        await runtime.Submit(TestRuntimes.Device("fill", c => Kernels.Doubles(c, 0).Fill(5)), new DataAccess(transient, AccessMode.Write))
            .Completion.WaitAsync(TestRuntimes.Timeout);
        await runtime.Submit(TestRuntimes.Device("add", c => Kernels.Doubles(c, 0)[0] += 1), new DataAccess(plain, AccessMode.ReadWrite))
            .Completion.WaitAsync(TestRuntimes.Timeout);
        Assert.Equal(2 * Length * sizeof(double), device.LiveBytes);

        runtime.DropTransient();
        Assert.True(transient.IsUnregistered);
        Assert.False(plain.IsUnregistered);
        Assert.Equal(Length * sizeof(double), device.LiveBytes);
        Assert.All(middle.AsSpan<double>().ToArray(), v => Assert.Equal(-1, v));
        await runtime.SynchronizeWithinTimeoutAsync();
        Assert.Equal(1, kept.AsSpan<double>()[0]);
    }
}
