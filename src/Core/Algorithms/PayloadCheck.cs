using Oompa.Core.Data;

namespace Oompa.Core.Algorithms;

/// <summary>Allocation-free checks for the per-call path of <c>Execute</c>.</summary>
internal static class PayloadCheck
{
    /// <summary>
    /// True when every member has the same descriptor and type as in <paramref name="reference"/> and every present
    /// member holds consistent data of at least the bytes it needs. False means: build the itemised report.
    /// </summary>
    public static bool MatchesAndHoldsData(PayloadWrapper wrapper, PayloadWrapper reference)
    {
        if (ReferenceEquals(wrapper, reference))
        {
            return HoldsData(wrapper);
        }

        if (wrapper.GetType() != reference.GetType())
        {
            return false;
        }

        var mine = wrapper.Members;
        var theirs = reference.Members;
        if (mine.Count != theirs.Count)
        {
            return false;
        }

        for (int i = 0; i < mine.Count; i++)
        {
            var a = mine[i].Payload;
            var b = theirs[i].Payload;
            if (a is null || b is null)
            {
                if (a is not null || b is not null)
                {
                    return false;
                }

                continue;
            }

            if (a.Physical.Type != b.Physical.Type || !a.Descriptor.Equals(b.Descriptor) || !HoldsData(a))
            {
                return false;
            }
        }

        return true;
    }

    private static bool HoldsData(PayloadWrapper wrapper)
    {
        foreach (var member in wrapper.Members)
        {
            if (member.Payload is { } p && !HoldsData(p))
            {
                return false;
            }
        }

        return true;
    }

    private static bool HoldsData(IPayload payload)
    {
        var physical = payload.Physical;
        if (physical.IsEmpty || physical.Bytes < payload.RequiredBytes || (physical.Pinned && !physical.Node.IsHost))
        {
            return false;
        }

        return physical.Node.Kind switch
        {
            MemoryNodeKind.Host => physical.Pointer != 0,
            MemoryNodeKind.Device => physical.Handle is not null,
            _ => true,
        };
    }
}
