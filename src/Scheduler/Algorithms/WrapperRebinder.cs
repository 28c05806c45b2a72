using System.Collections.Concurrent;
using System.Reflection;
using Oompa.Core.Data;

namespace Oompa.Scheduler.Algorithms;

/// <summary>
/// Copies of payload-wrapper records with other payloads (a device worker's replicas): the record is cloned and each
/// member's property, found by the member's name, is set. Wrappers list their members under their property names.
/// </summary>
internal static class WrapperRebinder
{
    private static readonly MethodInfo Clone = typeof(object).GetMethod("MemberwiseClone", BindingFlags.Instance | BindingFlags.NonPublic)!;
    private static readonly ConcurrentDictionary<Type, PropertyInfo?[]> Properties = new();

    /// <summary>The wrapper with member i's payload replaced by <paramref name="payloads"/>[i] where that is not null.</summary>
    /// <exception cref="NotSupportedException">A member has no settable property of its name.</exception>
    public static T Rebind<T>(T wrapper, IReadOnlyList<IPayload?> payloads)
        where T : PayloadWrapper
    {
        var members = wrapper.Members;
        var properties = Properties.GetOrAdd(wrapper.GetType(), t => [.. members.Select(m => t.GetProperty(m.Name, BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic))]);
        var copy = (T)Clone.Invoke(wrapper, null)!;
        for (int i = 0; i < members.Count; i++)
        {
            if (payloads[i] is not { } payload)
            {
                continue;
            }

            var property = properties[i];
            if (property is null || !property.CanWrite || !property.PropertyType.IsInstanceOfType(payload))
            {
                throw new NotSupportedException(
                    $"{wrapper.GetType().Name}: member '{members[i].Name}' has no settable property of that name taking {payload.GetType().Name}; " +
                    "a scheduled algorithm gives device workers copies of the wrapper whose members are named after their properties.");
            }

            property.SetValue(copy, payload);
        }

        return copy;
    }
}
