namespace Oompa.Core.Data;

/// <summary>A wrapper with no members, for algorithms without inputs (or without separate outputs).</summary>
public sealed record NoPayloads : PayloadWrapper
{
    /// <summary>The only instance needed.</summary>
    public static NoPayloads Instance { get; } = new();

    /// <inheritdoc />
    public override IReadOnlyList<PayloadMember> Members => [];
}
