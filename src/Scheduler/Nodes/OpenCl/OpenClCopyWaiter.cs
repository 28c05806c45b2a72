using Oompa.Core.Devices.OpenCl;
using Oompa.Core.Native;

namespace Oompa.Scheduler.Nodes.OpenCl;

/// <summary>
/// Completes copy tasks when their OpenCL events complete, without a blocked thread per copy: the events of one node
/// are waited for in the order they were enqueued (its transfer queue is in order, so that is the order in which they
/// complete) by a single thread-pool work item, which runs while copies are pending and ends when none is left.
/// </summary>
internal sealed class OpenClCopyWaiter
{
    private readonly Lock gate = new();
    private readonly Queue<(OpenClEvent Event, TaskCompletionSource Done)> pending = new();
    private bool running;
    private int inFlight;

    /// <summary>Copies whose tasks have not completed yet.</summary>
    public int InFlight => Volatile.Read(ref inFlight);

    /// <summary>Takes ownership of <paramref name="copy"/>: the task completes (or faults) with it, then the event is released.</summary>
    public Task Add(OpenClEvent copy)
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        bool start;
        Interlocked.Increment(ref inFlight);
        lock (gate)
        {
            pending.Enqueue((copy, done));
            start = !running;
            running = true;
        }

        if (start)
        {
            ThreadPool.UnsafeQueueUserWorkItem(static waiter => waiter.Drain(), this, preferLocal: false);
        }

        return done.Task;
    }

    private void Drain()
    {
        while (true)
        {
            (OpenClEvent Event, TaskCompletionSource Done) item;
            lock (gate)
            {
                if (!pending.TryDequeue(out item))
                {
                    running = false;
                    return;
                }
            }

            Exception? error = null;
            try
            {
                item.Event.Wait();
            }
            catch (Exception e) when (e is NativeCallException or ObjectDisposedException)
            {
                error = e;
            }
            finally
            {
                item.Event.Dispose();
                Interlocked.Decrement(ref inFlight);
            }

            if (error is null)
            {
                item.Done.TrySetResult();
            }
            else
            {
                item.Done.TrySetException(error);
            }
        }
    }
}
