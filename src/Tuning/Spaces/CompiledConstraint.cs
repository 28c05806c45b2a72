namespace Oompa.Tuning.Spaces;

/// <summary>A constraint bound to parameter positions of one space; <see cref="Depth"/> is the last position it reads.</summary>
internal sealed class CompiledConstraint
{
    private readonly int[] _positions;

    /// <summary>Binds <paramref name="constraint"/> to the positions of its names.</summary>
    public CompiledConstraint(Constraint constraint, IReadOnlyDictionary<string, int> position)
    {
        Constraint = constraint;
        _positions = constraint.Names.Select(n => position.TryGetValue(n, out var p)
            ? p
            : throw new ArgumentException($"Constraint '{constraint.Description}' reads '{n}', which is not a parameter of the space.", nameof(constraint)))
            .ToArray();
        Depth = _positions.Max();
    }

    /// <summary>The constraint.</summary>
    public Constraint Constraint { get; }

    /// <summary>The largest parameter position the constraint reads.</summary>
    public int Depth { get; }

    /// <summary>Evaluates the constraint on candidate positions <paramref name="digits"/>.</summary>
    public bool Holds(TuningParameter[] parameters, int[] digits)
    {
        var values = new long[_positions.Length];
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = parameters[_positions[i]].Values[digits[_positions[i]]];
        }

        return Constraint.Holds(values);
    }
}
