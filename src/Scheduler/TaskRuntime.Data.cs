using Oompa.Core.Data;
using Oompa.Scheduler.Data;
using Oompa.Scheduler.Tasks;

namespace Oompa.Scheduler;

/// <summary>Registering and unregistering data.</summary>
public sealed partial class TaskRuntime
{
    /// <summary>
    /// Registers host data as a handle; its memory is the home copy. Until <see cref="Synchronize"/> (or
    /// <see cref="Unregister"/>) the bytes belong to the runtime and may be stale on the host.
    /// </summary>
    /// <param name="payload">Host data; the handle covers <see cref="IPayload.RequiredBytes"/> bytes from its pointer.</param>
    /// <param name="name">A name for traces; default the payload's name.</param>
    /// <param name="reduction">How reduction-mode accesses combine; null when the handle is not reduced.</param>
    /// <exception cref="ArgumentException">The payload is not host data, or overlaps a registered handle.</exception>
    public DataHandle Register(IPayload payload, string? name = null, ReductionOperation? reduction = null)
    {
        CheckHostData(payload);
        lock (gate)
        {
            ThrowIfDisposed();
            if (registry.Find(payload.Physical.Pointer, payload.RequiredBytes, payload.Name) is { } existing)
            {
                throw new ArgumentException($"Payload '{payload.Name}' is already registered as {existing}; use GetOrRegister to share it.", nameof(payload));
            }

            return AddHandleLocked(payload, name, reduction);
        }
    }

    /// <summary>
    /// The handle of exactly this host range, registered now when it is new (as the scheduled algorithms do). Handles
    /// that overlap the range without matching it and are idle (no unfinished task uses them, their home copy is the
    /// only valid one) are taken for freed memory that was reused: they are unregistered first.
    /// </summary>
    /// <exception cref="ArgumentException">The payload is not host data, or overlaps a handle still in use.</exception>
    public DataHandle GetOrRegister(IPayload payload)
    {
        CheckHostData(payload);
        lock (gate)
        {
            ThrowIfDisposed();
            nint start = payload.Physical.Pointer;
            long bytes = payload.RequiredBytes;
            foreach (var stale in registry.Overlapping(start, bytes))
            {
                if (Idle(stale) || (stale.IsTransient && Unused(stale)))
                {
                    ForgetLocked(stale);
                }
            }

            return registry.Find(start, bytes, payload.Name) ?? AddHandleLocked(payload, null, null);
        }
    }

    /// <summary>
    /// Marks the handle of <paramref name="payload"/>'s memory (registering it when needed) as transient
    /// (<see cref="DataHandle.IsTransient"/>): intermediate data that only tasks read and write, such as correlation
    /// products between two algorithms on a GPU. The runtime then never copies it home unless asked with
    /// <see cref="Acquire"/>, and the home memory's content is undefined while the handle lives.
    /// </summary>
    /// <returns>The handle.</returns>
    public DataHandle MarkTransient(IPayload payload)
    {
        var handle = GetOrRegister(payload);
        lock (gate)
        {
            handle.IsTransient = true;
        }

        return handle;
    }

    /// <summary>
    /// Drops every transient handle (<see cref="MarkTransient"/>) that no task uses any more, without copying its data
    /// home: call it when the memory behind transient data is about to serve something else.
    /// </summary>
    public void DropTransient()
    {
        lock (gate)
        {
            ThrowIfDisposed();
            DropUnusedTransientLocked();
        }
    }

    /// <summary>No unfinished task, copy or pin uses the handle.</summary>
    private static bool Unused(DataHandle h) =>
        h.Phase is null
        && h.LastWriter is not { IsFinished: false }
        && h.Readers.TrueForAll(r => r.IsFinished)
        && h.Replicas.All(r => r.Fetch is null && r.Pins == 0);

    /// <summary>Drops transient handles no task uses any more (their data is never brought home).</summary>
    private void DropUnusedTransientLocked()
    {
        foreach (var h in handles.Where(h => h.IsTransient && Unused(h)).ToList())
        {
            ForgetLocked(h);
        }
    }

    /// <summary>No unfinished task uses the handle and only its home copy is valid.</summary>
    private static bool Idle(DataHandle h) =>
        h.Phase is null
        && h.LastWriter is not { IsFinished: false }
        && h.Readers.TrueForAll(r => r.IsFinished)
        && h.Replicas[0].State == ReplicaState.Modified
        && h.Replicas.All(r => r.Fetch is null && r.Pins == 0);

    /// <summary>
    /// A scratch handle: every worker that runs a task with it gets its own buffer of the description's size on its
    /// memory node, with undefined content (use <see cref="AccessMode.Scratch"/>).
    /// </summary>
    /// <param name="description">A payload describing the buffer (data-less, see <c>Payload.Describe</c>).</param>
    /// <param name="name">A name for traces.</param>
    public DataHandle RegisterScratch(IPayload description, string? name = null)
    {
        ArgumentNullException.ThrowIfNull(description);
        lock (gate)
        {
            ThrowIfDisposed();
            var h = new DataHandle(this, ++nextHandleId, name ?? description.Name, description.RequiredBytes, PayloadViews.WithPhysical(description, description.Physical.WithoutData()), scratch: true, null, providers.Length)
            {
                ScratchBuffers = new Replica?[slots.Length],
            };
            handles.Add(h);
            return h;
        }
    }

    /// <summary>
    /// Waits for every submitted task, brings the handle's data home, frees its replicas and forgets it. Failures stay
    /// for <see cref="Synchronize"/> to report.
    /// </summary>
    public void Unregister(DataHandle handle)
    {
        CheckOwned(handle);
        Drain(throwFailures: false).GetAwaiter().GetResult();
        lock (gate)
        {
            ForgetLocked(handle);
        }
    }

    /// <summary>Frees every replica of a handle no task uses and forgets it (its home memory is left as it is).</summary>
    private void ForgetLocked(DataHandle h)
    {
        coherency.FreeAll(h);
        registry.Remove(h);
        handles.Remove(h);
        Dependencies.Reset(h);
        h.IsUnregistered = true;
    }

    private DataHandle AddHandleLocked(IPayload payload, string? name, ReductionOperation? reduction)
    {
        var h = new DataHandle(this, ++nextHandleId, name ?? payload.Name, payload.RequiredBytes, payload, scratch: false, reduction, providers.Length);
        h.Replicas[0].Attach(payload.Physical, null);
        h.Replicas[0].State = ReplicaState.Modified;
        registry.Add(payload.Physical.Pointer, payload.RequiredBytes, h);
        handles.Add(h);
        return h;
    }

    private static void CheckHostData(IPayload payload)
    {
        ArgumentNullException.ThrowIfNull(payload);
        var p = payload.Physical;
        if (!p.Node.IsHost || p.Pointer == 0 || p.Bytes < payload.RequiredBytes)
        {
            throw new ArgumentException(
                $"Payload '{payload.Name}' must hold host data of at least {payload.RequiredBytes} bytes to be registered (it is on {p.Node}, pointer {(p.Pointer == 0 ? "null" : "set")}, {p.Bytes} bytes).",
                nameof(payload));
        }
    }

    private void CheckOwned(DataHandle handle)
    {
        ArgumentNullException.ThrowIfNull(handle);
        if (!ReferenceEquals(handle.Owner, this))
        {
            throw new ArgumentException($"Handle {handle} belongs to another runtime or simulation.", nameof(handle));
        }

        if (handle.IsUnregistered)
        {
            throw new ArgumentException($"Handle {handle} has been unregistered.", nameof(handle));
        }
    }

    private void ThrowIfDisposed() => ObjectDisposedException.ThrowIf(disposed, this);
}
