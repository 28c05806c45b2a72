namespace Oompa.Core.Data;

/// <summary>One named member of a <see cref="PayloadWrapper"/>; <see cref="Payload"/> is null for an absent optional member.</summary>
/// <param name="Name">The member's name as the wrapper's property spells it (for example <c>Data2</c>).</param>
/// <param name="Payload">The payload, or null when the optional member is absent.</param>
public readonly record struct PayloadMember(string Name, IPayload? Payload);
