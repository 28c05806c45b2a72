using Oompa.Core.Data;
using Oompa.Scheduler.Data;
using Oompa.Scheduler.Workers;

namespace Oompa.Scheduler.Tasks;

/// <summary>
/// What an implementation sees while it runs: its worker, the task, and one payload per access, in the order of the
/// task's accesses, located on the worker's memory node (host pointers for a CPU worker, device handles for a device).
/// One context per worker is reused from task to task: do not keep it after <c>Run</c> returns.
/// </summary>
public sealed class TaskContext
{
    private IPayload?[] payloads = new IPayload?[4];
    private ScheduledTask? task;

    internal TaskContext(IWorker worker)
    {
        Worker = worker;
    }

    /// <summary>The worker running the task.</summary>
    public IWorker Worker { get; }

    /// <summary>The running task.</summary>
    public ScheduledTask Task => task ?? throw new InvalidOperationException("No task is running on this context.");

    /// <summary>Signalled when the runtime is being cancelled; long implementations may stop early by throwing.</summary>
    public CancellationToken CancellationToken { get; private set; }

    /// <summary>The task's <see cref="TaskOptions.Argument"/>.</summary>
    public object? Argument => Task.Argument;

    /// <summary>Number of accesses (and payloads).</summary>
    public int Count => Task.AccessArray.Length;

    /// <summary>The handle of access <paramref name="index"/>.</summary>
    public DataHandle Handle(int index) => Task.AccessArray[index].Handle;

    /// <summary>The payload of access <paramref name="index"/> on the worker's node.</summary>
    public IPayload Payload(int index) =>
        payloads[index] ?? throw new InvalidOperationException($"Access {index} of task {Task} has no payload (simulated handle).");

    /// <summary>The payload of access <paramref name="index"/> with its descriptor type.</summary>
    /// <exception cref="InvalidCastException">The handle was registered with another descriptor type.</exception>
    public Payload<TDescriptor> Payload<TDescriptor>(int index)
        where TDescriptor : class, ILogicalDescriptor => (Payload<TDescriptor>)Payload(index);

    /// <summary>The bytes of access <paramref name="index"/> on the worker's node.</summary>
    public PhysicalDescriptor Buffer(int index) => Payload(index).Physical;

    /// <summary>A host span over the handle's bytes of access <paramref name="index"/> (CPU workers only).</summary>
    public unsafe Span<T> Span<T>(int index)
        where T : unmanaged
    {
        var physical = Buffer(index);
        if (!physical.Node.IsHost || physical.Pointer == 0)
        {
            throw new InvalidOperationException($"Access {index} of task {Task} is on {physical.Node}, not in host memory.");
        }

        long bytes = Math.Min(physical.Bytes, Handle(index).Bytes);
        return new Span<T>((void*)physical.Pointer, checked((int)(bytes / sizeof(T))));
    }

    internal void Begin(ScheduledTask running, CancellationToken token)
    {
        task = running;
        CancellationToken = token;
        if (payloads.Length < running.AccessArray.Length)
        {
            payloads = new IPayload?[running.AccessArray.Length];
        }
    }

    internal void SetPayload(int index, IPayload? payload) => payloads[index] = payload;

    internal void End()
    {
        if (task is not null)
        {
            Array.Clear(payloads, 0, task.AccessArray.Length);
        }

        task = null;
    }
}
