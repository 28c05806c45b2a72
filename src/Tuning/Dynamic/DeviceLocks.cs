using System.Collections.Concurrent;

namespace Oompa.Tuning.Dynamic;

/// <summary>
/// One lock per device identity for the whole process. A tuning step holds its device's lock while it times a
/// candidate, so measurements of two strategies (or two tuners) on the same device never overlap; different devices
/// time in parallel.
/// </summary>
public static class DeviceLocks
{
    private static readonly ConcurrentDictionary<string, SemaphoreSlim> Locks = new(StringComparer.Ordinal);

    /// <summary>Blocks until the lock of <paramref name="deviceIdentity"/> is free and takes it; dispose to release.</summary>
    public static IDisposable Acquire(string deviceIdentity, CancellationToken cancellationToken = default)
    {
        var gate = Gate(deviceIdentity);
        gate.Wait(cancellationToken);
        return new Holder(gate);
    }

    /// <summary>Takes the lock of <paramref name="deviceIdentity"/> if it becomes free within <paramref name="timeout"/>.</summary>
    /// <returns>The holder to dispose, or null when the lock stayed taken.</returns>
    public static IDisposable? TryAcquire(string deviceIdentity, TimeSpan timeout)
    {
        var gate = Gate(deviceIdentity);
        return gate.Wait(timeout) ? new Holder(gate) : null;
    }

    private static SemaphoreSlim Gate(string deviceIdentity)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(deviceIdentity);
        return Locks.GetOrAdd(deviceIdentity, _ => new SemaphoreSlim(1, 1));
    }

    private sealed class Holder(SemaphoreSlim gate) : IDisposable
    {
        private int released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref released, 1) == 0)
            {
                gate.Release();
            }
        }
    }
}
