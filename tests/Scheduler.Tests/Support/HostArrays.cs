using Oompa.Core.Data;
using Oompa.Core.Memory;

namespace Oompa.Scheduler.Tests.Support;

/// <summary>Host payloads of doubles for tests; disposing frees them.</summary>
internal sealed class HostArrays : IDisposable
{
    private readonly List<OwnedPayload<LogicalDescriptor>> owned = [];

    public OwnedPayload<LogicalDescriptor> Add(int length, string name, Func<int, double>? fill = null)
    {
        var p = OwnedPayload<LogicalDescriptor>.Allocate(HostAllocator.Shared, new LogicalDescriptor(new Size(length)), DataType.Float64, name);
        var span = p.AsSpan<double>();
        for (int i = 0; i < span.Length; i++)
        {
            span[i] = fill?.Invoke(i) ?? 0;
        }

        owned.Add(p);
        return p;
    }

    public void Dispose()
    {
        foreach (var p in owned)
        {
            p.Dispose();
        }
    }
}
