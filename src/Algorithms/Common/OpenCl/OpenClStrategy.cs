using Oompa.Core.Algorithms;
using Oompa.Core.Data;
using Oompa.Core.Devices.OpenCl;
using Oompa.Tuning.Dynamic;
using Oompa.Tuning.Spaces;

namespace Oompa.Algorithms.Common.OpenCl;

/// <summary>
/// Base of OpenCL strategies. Payloads may live on the strategy's device (the fast path: kernels run on the compute
/// queue and <see cref="IStrategy{TOut, TIn, TSettings}.Execute"/> returns at once) or on the host, in which case they are
/// staged: every host member is copied to a device buffer kept between calls, the kernels run, and host outputs are
/// copied back before Execute returns. Staging uploads outputs too, so padding and untouched elements keep their values
/// exactly as CPU strategies leave them. Members that share a host pointer (in-place requests) share one buffer.
/// Strategies are tuned dynamically without knowing it (see <c>OpenClStrategy.Tuning.cs</c>): the base asks the
/// <see cref="KernelTuner"/> which configuration of the tuned kernel to run and evaluates candidates on scratch copies.
/// </summary>
internal abstract partial class OpenClStrategy<TOut, TIn, TSettings> : IStrategy<TOut, TIn, TSettings>
    where TOut : PayloadWrapper
    where TIn : PayloadWrapper
{
    private readonly Dictionary<string, OpenClBuffer> staging = new(StringComparer.Ordinal);
    private readonly Dictionary<IPayload, OpenClBuffer> current = new(ReferenceEqualityComparer.Instance);
    private readonly List<(IPayload Payload, OpenClBuffer Buffer)> downloads = [];

    protected OpenClStrategy(string name, OpenClDevice device)
    {
        Name = name;
        Device = device;
    }

    public string Name { get; }

    /// <summary>The device the kernels run on.</summary>
    protected OpenClDevice Device { get; }

    /// <summary>The in-order queue every kernel goes to.</summary>
    protected OpenClQueue Queue => Device.ComputeQueue;

    /// <summary>The tuning configuration of this strategy's kernels (the definition's default until the tuner sets one).</summary>
    public TuningConfiguration? Configuration { get; set; }

    public IReadOnlyList<string> Init(TOut output, TIn input, TSettings settings)
    {
        var reasons = new List<string>();
        foreach (var member in output.Members.Concat(input.Members))
        {
            if (member.Payload is { } p && !p.Physical.Node.IsHost && p.Physical.Node != Device.MemoryNode)
            {
                reasons.Add($"member '{member.Name}' lives on {p.Physical.Node}; this strategy runs on {Device.MemoryNode} ({Device.Name}).");
            }

            if (member.Payload?.Descriptor.Layout is { } layout && OpenClLayout.Problem(layout, member.Name) is { } problem)
            {
                reasons.Add(problem);
            }
        }

        if (reasons.Count == 0)
        {
            AcceptTuned(output, input, settings, reasons);
        }

        return reasons;
    }

    public void Execute(TOut output, TIn input)
    {
        try
        {
            Stage(output.Members, isOutput: true);
            Stage(input.Members, isOutput: false);
            if (lease is null)
            {
                Run(output, input);
            }
            else
            {
                RunTuned(output, input);
            }

            foreach (var (payload, buffer) in downloads)
            {
                Queue.Read(buffer, 0, payload.Physical.Pointer, payload.RequiredBytes, blocking: true);
            }
        }
        finally
        {
            current.Clear();
            downloads.Clear();
            substitutes.Clear();
        }
    }

    public void Synchronize() => Queue.Finish();

    public void Dispose()
    {
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    /// <summary>The device buffer holding <paramref name="payload"/> during <see cref="Run"/> (its own, or its staging copy).</summary>
    /// <remarks>While a tuning candidate runs, output buffers (and inputs sharing them) resolve to scratch copies.</remarks>
    protected OpenClBuffer Buffer(IPayload payload)
    {
        ArgumentNullException.ThrowIfNull(payload);
        var buffer = current.TryGetValue(payload, out var staged) ? staged : OpenClBuffer.Of(payload);
        return substitutes.Count > 0 && substitutes.TryGetValue(buffer, out var scratch) ? scratch : buffer;
    }

    /// <summary>Adds a reason for everything this strategy cannot do; builds kernels and scratch buffers when it adds none.</summary>
    protected abstract void Accept(TOut output, TIn input, TSettings settings, List<string> reasons);

    /// <summary>Enqueues the kernels on <see cref="Queue"/>; payload buffers come from <see cref="Buffer"/>.</summary>
    protected abstract void Run(TOut output, TIn input);

    /// <summary>Releases kernels and scratch buffers; the base releases staging buffers.</summary>
    protected virtual void Dispose(bool disposing)
    {
        ReleaseTuning();
        foreach (var buffer in staging.Values)
        {
            buffer.Dispose();
        }

        staging.Clear();
    }

    private void Stage(IReadOnlyList<PayloadMember> members, bool isOutput)
    {
        foreach (var member in members)
        {
            if (member.Payload is not { } payload || current.ContainsKey(payload))
            {
                continue;
            }

            var physical = payload.Physical;
            if (!physical.Node.IsHost)
            {
                if (physical.Node != Device.MemoryNode)
                {
                    throw new ArgumentException($"{Name}: member '{member.Name}' lives on {physical.Node}, but this strategy runs on {Device.MemoryNode}.");
                }

                continue;
            }

            var alias = current.FirstOrDefault(c => c.Key.Physical.Node.IsHost && c.Key.Physical.Pointer == physical.Pointer);
            if (alias.Value is not null)
            {
                current[payload] = alias.Value;
                continue;
            }

            string key = (isOutput ? "out:" : "in:") + member.Name;
            long bytes = payload.RequiredBytes;
            if (!staging.TryGetValue(key, out var buffer) || buffer.Bytes < bytes)
            {
                buffer?.Dispose();
                buffer = Device.Allocator.AllocateBuffer(bytes);
                staging[key] = buffer;
            }

            Queue.Write(buffer, 0, physical.Pointer, bytes, blocking: true);
            current[payload] = buffer;
            if (isOutput)
            {
                downloads.Add((payload, buffer));
            }
        }
    }
}
