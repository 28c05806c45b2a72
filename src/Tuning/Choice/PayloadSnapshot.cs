using System.Runtime.InteropServices;
using Oompa.Core.Data;
using Oompa.Core.Devices.OpenCl;

namespace Oompa.Tuning.Choice;

/// <summary>
/// Copies of the bytes of a wrapper's payloads (host memory or OpenCL buffers) that can be written back, so every
/// timed strategy starts from the same data and the request ends as it began. Payloads sharing memory are saved once.
/// </summary>
internal sealed class PayloadSnapshot : IDisposable
{
    private readonly List<Action> restores = [];
    private readonly List<IDisposable> owned = [];

    private PayloadSnapshot()
    {
    }

    /// <summary>Saves every member of <paramref name="wrapper"/>; null with <paramref name="problem"/> when a member lives where it cannot be copied.</summary>
    public static PayloadSnapshot? Take(PayloadWrapper wrapper, out string? problem)
    {
        var snapshot = new PayloadSnapshot();
        var seen = new HashSet<object>(ReferenceEqualityComparer.Instance);
        var pointers = new HashSet<nint>();
        foreach (var member in wrapper.Members)
        {
            if (member.Payload is not { } payload || payload.IsEmpty)
            {
                continue;
            }

            var physical = payload.Physical;
            long bytes = payload.RequiredBytes;
            if (physical.Node.IsHost)
            {
                if (pointers.Add(physical.Pointer))
                {
                    snapshot.SaveHost(physical.Pointer, bytes);
                }
            }
            else if (physical.Handle is OpenClBuffer buffer)
            {
                if (seen.Add(buffer))
                {
                    snapshot.SaveDevice(buffer, bytes);
                }
            }
            else
            {
                snapshot.Dispose();
                problem = $"member '{member.Name}' lives on {physical.Node} in memory the tuner cannot copy ({physical.Handle?.GetType().Name ?? "no handle"}).";
                return null;
            }
        }

        problem = null;
        return snapshot;
    }

    /// <summary>Writes the saved bytes back and waits until they are in place.</summary>
    public void Restore()
    {
        foreach (var restore in restores)
        {
            restore();
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        foreach (var item in owned)
        {
            item.Dispose();
        }

        owned.Clear();
        restores.Clear();
    }

    private unsafe void SaveHost(nint pointer, long bytes)
    {
        var copy = GC.AllocateUninitializedArray<byte>(checked((int)bytes), pinned: true);
        new ReadOnlySpan<byte>((void*)pointer, copy.Length).CopyTo(copy);
        restores.Add(() => copy.AsSpan().CopyTo(new Span<byte>((void*)pointer, copy.Length)));
    }

    private void SaveDevice(OpenClBuffer buffer, long bytes)
    {
        var queue = buffer.Device.ComputeQueue;
        var copy = buffer.Device.Allocator.AllocateBuffer(bytes);
        owned.Add(copy);
        queue.Copy(buffer, 0, copy, 0, bytes);
        queue.Finish();
        restores.Add(() =>
        {
            queue.Copy(copy, 0, buffer, 0, bytes);
            queue.Finish();
        });
    }
}
