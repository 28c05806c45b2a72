using System.Collections.Concurrent;
using System.Reflection;
using Oompa.Core.Data;

namespace Oompa.Scheduler.Data;

/// <summary>Copies of payloads that point at other bytes (a replica on another node), keeping their concrete type.</summary>
internal static class PayloadViews
{
    private static readonly ConcurrentDictionary<Type, Func<IPayload, PhysicalDescriptor, IPayload>> Rebinders = new();

    private static readonly MethodInfo RebindMethod =
        typeof(PayloadViews).GetMethod(nameof(Rebind), BindingFlags.NonPublic | BindingFlags.Static)!;

    /// <summary>The same payload (same concrete type, descriptor and name) over <paramref name="physical"/>.</summary>
    public static IPayload WithPhysical(IPayload payload, PhysicalDescriptor physical)
    {
        var type = payload.GetType();
        if (!type.IsGenericType || type.GetGenericTypeDefinition() != typeof(Payload<>))
        {
            return new View(payload.Name, payload.Descriptor, physical);
        }

        var rebinder = Rebinders.GetOrAdd(type, static t =>
            RebindMethod.MakeGenericMethod(t.GetGenericArguments()[0]).CreateDelegate<Func<IPayload, PhysicalDescriptor, IPayload>>());
        return rebinder(payload, physical);
    }

    private static IPayload Rebind<TDescriptor>(IPayload payload, PhysicalDescriptor physical)
        where TDescriptor : class, ILogicalDescriptor
        => ((Payload<TDescriptor>)payload) with { Physical = physical };

    /// <summary>A payload of a type the runtime cannot copy: descriptor and name over other bytes.</summary>
    private sealed record View(string Name, ILogicalDescriptor Descriptor, PhysicalDescriptor Physical) : IPayload
    {
        public long RequiredBytes => checked(Descriptor.ElementCount * Physical.Type.Size);

        public bool IsEmpty => Physical.IsEmpty;
    }
}
