using Oompa.Scheduler.Data;
using Oompa.Scheduler.Tracing;

namespace Oompa.Scheduler;

/// <summary>Running the copies the coherency layer ordered.</summary>
public sealed partial class TaskRuntime
{
    /// <summary>Copies ordered under the lock by prefetches; the lock holder starts them once it lets go.</summary>
    private CopyOrder[]? TakeDeferredLocked()
    {
        if (deferred.Count == 0)
        {
            return null;
        }

        CopyOrder[] batch = [.. deferred];
        deferred.Clear();
        return batch;
    }

    private void StartCopies(IReadOnlyList<CopyOrder>? orders)
    {
        if (orders is null)
        {
            return;
        }

        foreach (var order in orders)
        {
            _ = RunCopyAsync(order);
        }
    }

    private async Task RunCopyAsync(CopyOrder order)
    {
        int from = order.Source.NodeIndex;
        int to = order.Destination.NodeIndex;
        try
        {
            if (order.After is { } first)
            {
                await first.ConfigureAwait(false);
            }

            var provider = providers[from == 0 ? to : from];
            double start = Now;
            await provider.CopyAsync(order.From, order.To, order.Bytes, options.CancellationToken).ConfigureAwait(false);
            double end = Now;
            lock (gate)
            {
                coherency.CopyFinished(order, succeeded: true);
            }

            Trace?.Moved(new TransferSpan(order.Destination.Handle.Name, from, to, order.Bytes, start, end));
            order.Done.TrySetResult();
        }
        catch (Exception e)
        {
            lock (gate)
            {
                coherency.CopyFinished(order, succeeded: false);
            }

            order.Done.TrySetException(e);
        }
    }
}
