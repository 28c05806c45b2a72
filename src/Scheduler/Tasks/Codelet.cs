namespace Oompa.Scheduler.Tasks;

/// <summary>
/// A kind of task with its implementations, one or more per kind of worker. Performance models are kept per codelet
/// name, implementation, worker architecture and data footprint, so a codelet's name must say what it computes.
/// </summary>
public sealed class Codelet
{
    /// <summary>Creates a codelet.</summary>
    /// <exception cref="ArgumentException">No implementation, or two with the same name.</exception>
    public Codelet(string name, IEnumerable<TaskImplementation> implementations)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(implementations);
        Name = name;
        Implementations = [.. implementations];
        if (Implementations.Count == 0)
        {
            throw new ArgumentException($"Codelet '{name}' has no implementation.", nameof(implementations));
        }

        var duplicate = Implementations.GroupBy(i => i.Name, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new ArgumentException($"Codelet '{name}' has two implementations named '{duplicate.Key}'.", nameof(implementations));
        }
    }

    /// <summary>Creates a codelet with the given implementations.</summary>
    public Codelet(string name, params TaskImplementation[] implementations)
        : this(name, (IEnumerable<TaskImplementation>)implementations)
    {
    }

    /// <summary>The task kind, the first part of every performance-model key.</summary>
    public string Name { get; }

    /// <summary>The implementations, in order of preference when no model decides.</summary>
    public IReadOnlyList<TaskImplementation> Implementations { get; }

    /// <summary>
    /// Whether execution times are recorded and predicted (true by default). Model-based policies place tasks of an
    /// unmodeled codelet on the worker whose queue ends first, like StarPU codelets without a performance model.
    /// </summary>
    public bool Modeled { get; init; } = true;

    /// <summary>Formats as the name.</summary>
    public override string ToString() => Name;
}
