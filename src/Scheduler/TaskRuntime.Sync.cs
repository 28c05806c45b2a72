using System.Runtime.ExceptionServices;
using Oompa.Scheduler.Data;
using Oompa.Scheduler.Tasks;

namespace Oompa.Scheduler;

/// <summary>Waiting for the work and bringing data home.</summary>
public sealed partial class TaskRuntime
{
    /// <summary>
    /// Waits for every submitted task, combines pending reductions, and makes every handle's home (host) copy valid.
    /// Throws the original exception of a failed task (an <see cref="AggregateException"/> when several failed on
    /// their own), or <see cref="OperationCanceledException"/> when tasks were cancelled; then the runtime is usable again.
    /// </summary>
    public void Synchronize() => Drain(throwFailures: true).GetAwaiter().GetResult();

    /// <summary>The asynchronous <see cref="Synchronize"/>; <paramref name="cancellationToken"/> stops the wait only.</summary>
    public Task SynchronizeAsync(CancellationToken cancellationToken = default) => Drain(throwFailures: true, cancellationToken);

    private async Task Drain(bool throwFailures, CancellationToken cancellationToken = default)
    {
        Task wait;
        CopyOrder[]? batch;
        lock (gate)
        {
            foreach (var h in handles)
            {
                if (h.Phase is not null)
                {
                    CloseReductionLocked(h);
                }
            }

            wait = outstanding == 0 ? Task.CompletedTask : (drained ??= new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).Task;
            batch = TakeDeferredLocked();
        }

        StartCopies(batch);
        await wait.WaitAsync(cancellationToken).ConfigureAwait(false);

        var orders = new List<CopyOrder>();
        var waits = new List<Task>();
        lock (gate)
        {
            foreach (var h in handles)
            {
                coherency.WriteBack(h, orders, waits);
            }
        }

        StartCopies(orders);
        Exception? writeBackError = null;
        try
        {
            await Task.WhenAll(waits).WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            writeBackError = e;
        }

        if (!throwFailures)
        {
            return;
        }

        Exception[] errors;
        long cancelled;
        lock (gate)
        {
            errors = [.. failures];
            failures.Clear();
            cancelled = canceledSinceSync;
            canceledSinceSync = 0;
            if (outstanding == 0 && (errors.Length > 0 || cancelled > 0))
            {
                // Every task has finished: later tasks must not inherit these outcomes.
                foreach (var h in handles)
                {
                    Dependencies.Reset(h);
                }
            }
        }

        if (errors.Length == 1)
        {
            ExceptionDispatchInfo.Throw(errors[0]);
        }

        if (errors.Length > 1)
        {
            throw new AggregateException($"{errors.Length} tasks failed.", errors);
        }

        if (writeBackError is not null)
        {
            ExceptionDispatchInfo.Throw(writeBackError);
        }

        if (cancelled > 0)
        {
            throw new OperationCanceledException($"{cancelled} tasks were cancelled before they ran.", options.CancellationToken);
        }
    }
}
