using Oompa.Tuning.Dynamic;

namespace Oompa.Tuning.Tests.Dynamic;

public class DeviceLocksTests
{
    [Fact]
    public void One_device_is_held_by_one_timer_at_a_time()
    {
        string device = "test|" + Guid.NewGuid().ToString("N");
        int inside = 0, most = 0;
        Parallel.For(0, 200, new ParallelOptions { MaxDegreeOfParallelism = 4 }, _ =>
        {
            using (DeviceLocks.Acquire(device))
            {
                int now = Interlocked.Increment(ref inside);
                InterlockedMax(ref most, now);
                Thread.SpinWait(200);
                Interlocked.Decrement(ref inside);
            }
        });

        Assert.Equal(1, most);
    }

    [Fact]
    public async Task Different_devices_are_held_at_once_and_a_held_device_refuses_a_try()
    {
        string a = "test|a|" + Guid.NewGuid().ToString("N");
        string b = "test|b|" + Guid.NewGuid().ToString("N");
        using var holdA = DeviceLocks.Acquire(a);
        var other = Task.Run(() =>
        {
            using var holdB = DeviceLocks.TryAcquire(b, TimeSpan.Zero);
            using var againA = DeviceLocks.TryAcquire(a, TimeSpan.Zero);
            return (holdB is not null, againA is not null);
        });

        Assert.Equal((true, false), await other);
        holdA.Dispose();
        using var free = DeviceLocks.TryAcquire(a, TimeSpan.Zero);
        Assert.NotNull(free);
    }

    private static void InterlockedMax(ref int target, int value)
    {
        int seen;
        while ((seen = Volatile.Read(ref target)) < value && Interlocked.CompareExchange(ref target, value, seen) != seen)
        {
        }
    }
}
