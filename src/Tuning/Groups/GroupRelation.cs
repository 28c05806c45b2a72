namespace Oompa.Tuning.Groups;

/// <summary>How a strategy asks to relate to other strategy groups of the same kernel on the same device.</summary>
public enum GroupRelation
{
    /// <summary>
    /// Let the tuner decide: join the group with the same signature (<see cref="Equal"/>) when one is live or stored;
    /// else follow a group whose signature differs only in batch counts (<see cref="Similar"/>); else lead a new group.
    /// </summary>
    Auto,

    /// <summary>Belong to the group with exactly this signature: may tune, and measurements merge into its session.</summary>
    Equal,

    /// <summary>Use the best configuration of a leader group (named, or the nearest one) and never tune.</summary>
    Similar,
}
