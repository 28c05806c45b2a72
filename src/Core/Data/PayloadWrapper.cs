namespace Oompa.Core.Data;

/// <summary>
/// Base of the per-algorithm records that bundle named payloads (for example <c>CorrelationInput(Data1, Data2)</c>).
/// Validation and comparison cover every member and name the member and the field that is wrong.
/// </summary>
public abstract record PayloadWrapper
{
    /// <summary>Every member in declaration order; a derived record lists all of its payload properties.</summary>
    public abstract IReadOnlyList<PayloadMember> Members { get; }

    /// <summary>
    /// Problems with any member: inconsistent physical descriptors, fewer bytes than the descriptor needs, and, when
    /// <paramref name="requireData"/> is set, members that hold no data. An empty list means valid.
    /// </summary>
    public IReadOnlyList<string> Validate(bool requireData)
    {
        var problems = new List<string>();
        foreach (var member in Members)
        {
            if (member.Payload is not { } payload)
            {
                continue;
            }

            string prefix = $"member '{member.Name}' ('{payload.Name}'): ";
            payload.Physical.Validate(prefix, problems);
            if (payload.IsEmpty)
            {
                if (requireData)
                {
                    problems.Add($"{prefix}holds no data.");
                }

                continue;
            }

            long required = payload.RequiredBytes;
            if (payload.Physical.Bytes < required)
            {
                problems.Add($"{prefix}Physical.Bytes is {payload.Physical.Bytes}, but the descriptor ({payload.Descriptor}) needs {required}.");
            }
        }

        return problems;
    }

    /// <summary>
    /// Every difference between this wrapper and <paramref name="reference"/> in logical descriptors, element types and
    /// the presence of optional members, by member and field. Data pointers and byte counts are not compared.
    /// </summary>
    public IReadOnlyList<string> Differences(PayloadWrapper reference)
    {
        ArgumentNullException.ThrowIfNull(reference);
        var problems = new List<string>();
        var mine = Members;
        var theirs = reference.Members;
        if (GetType() != reference.GetType() || mine.Count != theirs.Count)
        {
            problems.Add($"wrapper {GetType().Name} with {mine.Count} members is not comparable with {reference.GetType().Name} with {theirs.Count} members.");
            return problems;
        }

        for (int i = 0; i < mine.Count; i++)
        {
            var (name, a) = mine[i];
            var b = theirs[i].Payload;
            if (a is null || b is null)
            {
                if (a is not null || b is not null)
                {
                    problems.Add($"member '{name}' is {(a is null ? "absent" : "present")} here but {(b is null ? "absent" : "present")} in the reference.");
                }

                continue;
            }

            if (a.Physical.Type != b.Physical.Type)
            {
                problems.Add($"member '{name}': Physical.Type is {a.Physical.Type}, expected {b.Physical.Type}.");
            }

            if (a.Descriptor.GetType() != b.Descriptor.GetType())
            {
                problems.Add($"member '{name}': descriptor is a {a.Descriptor.GetType().Name}, expected a {b.Descriptor.GetType().Name}.");
                continue;
            }

            var fa = a.Descriptor.Fields;
            var fb = b.Descriptor.Fields;
            for (int f = 0; f < fa.Count; f++)
            {
                if (fa[f].Value != fb[f].Value)
                {
                    problems.Add($"member '{name}': {fa[f].Key} is {fa[f].Value}, expected {fb[f].Value}.");
                }
            }
        }

        return problems;
    }

    /// <summary>Symmetric equivalence: no <see cref="Differences"/> in either direction.</summary>
    public bool IsEquivalentTo(PayloadWrapper other) => Differences(other).Count == 0;
}
