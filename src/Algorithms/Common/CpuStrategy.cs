using Oompa.Core.Algorithms;
using Oompa.Core.Data;
using Oompa.Core.Devices;

namespace Oompa.Algorithms.Common;

/// <summary>
/// Base of CPU strategies: synchronous execution on host payloads. A single-threaded strategy runs with one thread,
/// a multi-threaded one with <see cref="CpuDevice.Threads"/>.
/// </summary>
internal abstract class CpuStrategy<TOut, TIn, TSettings> : IStrategy<TOut, TIn, TSettings>
    where TOut : PayloadWrapper
    where TIn : PayloadWrapper
{
    protected CpuStrategy(string name, CpuDevice device, bool multiThreaded)
    {
        Name = name;
        Device = device;
        Threads = multiThreaded ? device.Threads : 1;
    }

    public string Name { get; }

    protected CpuDevice Device { get; }

    /// <summary>Threads this strategy may use (1 for single-threaded strategies).</summary>
    protected int Threads { get; }

    /// <summary>Options for parallel loops bounded by <see cref="Threads"/>.</summary>
    protected ParallelOptions ParallelOptions => new() { MaxDegreeOfParallelism = Threads };

    public IReadOnlyList<string> Init(TOut output, TIn input, TSettings settings)
    {
        var reasons = new List<string>();
        foreach (var member in output.Members.Concat(input.Members))
        {
            if (member.Payload is { } p && !p.Physical.Node.IsHost && !p.IsEmpty)
            {
                reasons.Add($"member '{member.Name}' lives on {p.Physical.Node}; CPU strategies need host memory.");
            }
        }

        if (reasons.Count == 0)
        {
            Accept(output, input, settings, reasons);
        }

        return reasons;
    }

    public abstract void Execute(TOut output, TIn input);

    public void Synchronize()
    {
    }

    public void Dispose()
    {
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    /// <summary>Adds a reason for everything this strategy cannot do; prepares for execution when it adds none.</summary>
    protected abstract void Accept(TOut output, TIn input, TSettings settings, List<string> reasons);

    /// <summary>Releases plans or scratch memory acquired in <see cref="Accept"/>.</summary>
    protected virtual void Dispose(bool disposing)
    {
    }
}
