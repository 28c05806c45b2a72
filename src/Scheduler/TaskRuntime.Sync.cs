using System.Runtime.ExceptionServices;
using Oompa.Scheduler.Data;
using Oompa.Scheduler.Tasks;

namespace Oompa.Scheduler;

/// <summary>Waiting for the work and bringing data home.</summary>
public sealed partial class TaskRuntime
{
    /// <summary>
    /// Waits for every task that uses the handle, brings its data home and makes the home copy the only valid one, so
    /// host code may read and change it until the next task uses the handle (StarPU's acquire). Task failures are not
    /// thrown here.
    /// </summary>
    public void Acquire(DataHandle handle) => AcquireAsync(handle).GetAwaiter().GetResult();

    /// <summary>The asynchronous <see cref="Acquire"/>.</summary>
    public async Task AcquireAsync(DataHandle handle, CancellationToken cancellationToken = default)
    {
        CheckOwned(handle);
        var users = new List<Task>();
        CopyOrder[]? batch;
        lock (gate)
        {
            if (handle.Phase is not null)
            {
                CloseReductionLocked(handle);
            }

            foreach (var t in handle.Readers.Append(handle.LastWriter))
            {
                if (t is { IsFinished: false })
                {
                    users.Add(t.Completion);
                }
            }

            batch = TakeDeferredLocked();
        }

        StartCopies(batch);
        try
        {
            await Task.WhenAll(users).WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // Failed or cancelled users: Synchronize reports them; the data is brought home all the same.
        }

        var orders = new List<CopyOrder>();
        var waits = new List<Task>();
        lock (gate)
        {
            coherency.WriteBack(handle, orders, waits);
        }

        StartCopies(orders);
        await Task.WhenAll(waits).WaitAsync(cancellationToken).ConfigureAwait(false);
        lock (gate)
        {
            Coherency.MakeHomeOwner(handle);
        }
    }

    /// <summary>
    /// Waits for every submitted task and every copy in flight, combines pending reductions, and makes every handle's
    /// home (host) copy valid and the only valid copy, so host code may read, change or free registered data until it
    /// submits again. Transient handles (<see cref="MarkTransient"/>) are dropped instead, without a copy.
    /// Throws the original exception of a failed task (an <see cref="AggregateException"/> when several failed on
    /// their own), or <see cref="OperationCanceledException"/> when tasks were cancelled; then the runtime is usable again.
    /// </summary>
    public void Synchronize() => Drain(throwFailures: true).GetAwaiter().GetResult();

    /// <summary>The asynchronous <see cref="Synchronize"/>; <paramref name="cancellationToken"/> stops the wait only.</summary>
    public Task SynchronizeAsync(CancellationToken cancellationToken = default) => Drain(throwFailures: true, cancellationToken);

    /// <summary>Waits until no copy is in flight (prefetches of tasks that ran elsewhere included).</summary>
    private async Task CopiesDrained(CancellationToken cancellationToken)
    {
        while (true)
        {
            Task copies;
            CopyOrder[]? batch;
            lock (gate)
            {
                copies = coherency.CopiesDone();
                batch = TakeDeferredLocked();
            }

            StartCopies(batch);
            if (copies.IsCompleted)
            {
                return;
            }

            await copies.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
    }

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
        await CopiesDrained(cancellationToken).ConfigureAwait(false);

        var orders = new List<CopyOrder>();
        var waits = new List<Task>();
        lock (gate)
        {
            // Transient data is never brought home: once no task uses it, it is dropped.
            DropUnusedTransientLocked();
            foreach (var h in handles.Where(h => !h.IsTransient))
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

        lock (gate)
        {
            if (outstanding == 0)
            {
                foreach (var h in handles.Where(h => !h.IsTransient))
                {
                    Coherency.MakeHomeOwner(h);
                }
            }
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
