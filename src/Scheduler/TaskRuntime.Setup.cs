using Microsoft.Extensions.Logging;
using Oompa.Core.Data;
using Oompa.Core.IO;
using Oompa.Scheduler.Nodes;
using Oompa.Scheduler.Workers;

namespace Oompa.Scheduler;

/// <summary>Start-up and shut-down.</summary>
public sealed partial class TaskRuntime
{
    /// <summary>
    /// Waits for every submitted task, brings the data home, stops the workers, frees every replica and saves the
    /// models (when persisting). Task failures are not thrown here: call <see cref="Synchronize"/> first to see them.
    /// </summary>
    public void Dispose()
    {
        lock (gate)
        {
            if (disposed)
            {
                return;
            }

            disposed = true;
        }

        try
        {
            Drain(throwFailures: false).GetAwaiter().GetResult();
        }
        catch (Exception e) when (e is InvalidOperationException or IOException or OutOfMemoryException)
        {
            logger.LogWarning(e, "Bringing data home at shut-down failed");
        }

        try
        {
            // Never free a buffer a copy may still touch, even when bringing data home failed.
            CopiesDrained(CancellationToken.None).GetAwaiter().GetResult();
        }
        catch (InvalidOperationException e)
        {
            logger.LogWarning(e, "Waiting for copies at shut-down failed");
        }

        lock (gate)
        {
            stopping = true;
            foreach (var slot in slots)
            {
                WakeLocked(slot);
            }
        }

        foreach (var slot in slots)
        {
            slot.Thread?.Join();
            slot.Signal.Dispose();
        }

        WriteTraceFile();

        cancellation.Dispose();
        lock (gate)
        {
            foreach (var h in handles)
            {
                coherency.FreeAll(h);
            }

            handles.Clear();
        }

        if (options.PersistModels)
        {
            try
            {
                SaveModels();
            }
            catch (IOException e)
            {
                logger.LogWarning(e, "Could not save the performance models");
            }
            catch (UnauthorizedAccessException e)
            {
                logger.LogWarning(e, "Could not save the performance models");
            }
        }
    }

    private void WriteTraceFile()
    {
        if (traceFile is null || Trace is null)
        {
            return;
        }

        try
        {
            string full = Path.GetFullPath(traceFile);
            Directory.CreateDirectory(Path.GetDirectoryName(full)!);
            WriteAtomically(full, Trace.WriteChromeTrace);
            string summary = Summary().ToString();
            WriteAtomically(full + ".txt", stream =>
            {
                using var writer = new StreamWriter(stream, leaveOpen: true);
                writer.Write(summary);
            });
            logger.LogInformation("Trace written to {File}; {Summary}", full, summary);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            logger.LogWarning(e, "Could not write the trace {File}", traceFile);
        }
    }

    private static void WriteAtomically(string path, Action<Stream> write)
    {
        using var file = new AtomicFileWriter(path);
        write(file.Stream);
        file.Commit();
    }

    /// <inheritdoc />
    public ValueTask DisposeAsync()
    {
        Dispose();
        return ValueTask.CompletedTask;
    }

    private static IMemoryNodeProvider[] BuildNodes(IReadOnlyList<IMemoryNodeProvider> extra)
    {
        ArgumentNullException.ThrowIfNull(extra);
        var nodes = new List<IMemoryNodeProvider> { new HostNodeProvider() };
        foreach (var provider in extra)
        {
            ArgumentNullException.ThrowIfNull(provider);
            if (nodes.Any(n => n.Node == provider.Node))
            {
                throw new ArgumentException($"Two memory-node providers serve {provider.Node} (the host node is built in).", nameof(extra));
            }

            nodes.Add(provider);
        }

        return [.. nodes];
    }

    private static WorkerSlot[] BuildSlots(IReadOnlyList<IWorker> workers, IMemoryNodeProvider[] nodes)
    {
        if (workers.Count == 0)
        {
            throw new ArgumentException("The runtime needs at least one worker.", nameof(workers));
        }

        var result = new WorkerSlot[workers.Count];
        var names = new HashSet<string>(StringComparer.Ordinal);
        for (int i = 0; i < workers.Count; i++)
        {
            var worker = workers[i] ?? throw new ArgumentException($"Worker {i} is null.", nameof(workers));
            if (!names.Add(worker.Name))
            {
                throw new ArgumentException($"Two workers are named '{worker.Name}'.", nameof(workers));
            }

            MemoryNode node = worker.Device.MemoryNode;
            int index = Array.FindIndex(nodes, n => n.Node == node);
            if (index < 0)
            {
                throw new ArgumentException($"Worker '{worker.Name}' works on {node}, but no memory-node provider serves it; add one to RuntimeOptions.Nodes.", nameof(workers));
            }

            result[i] = new WorkerSlot(i, WorkerDescription.Of(worker), index, worker);
        }

        return result;
    }

    private LinkCost[,] CalibrateLinks()
    {
        var costs = new LinkCost[providers.Length, providers.Length];
        var host = providers[0];
        for (int i = 1; i < providers.Length; i++)
        {
            if (TransferModel.EnsureCalibrated(host, providers[i], options.Calibration))
            {
                logger.LogInformation("Calibrated the link between {Host} and {Node}", host.Node, providers[i].Node);
            }
        }

        for (int f = 0; f < providers.Length; f++)
        {
            for (int t = 0; t < providers.Length; t++)
            {
                costs[f, t] = f == t ? LinkCost.Free : TransferModel.Get(providers[f].Identity, providers[t].Identity) ?? LinkCost.Free;
            }
        }

        return costs;
    }

    private void OnCanceled()
    {
        lock (gate)
        {
            canceled = true;
            foreach (var slot in slots)
            {
                WakeLocked(slot);
            }
        }
    }
}
