namespace Oompa.Tuning.Spaces;

/// <summary>
/// A restriction on a tuning space: a predicate over the parameters it names, with a description for messages.
/// The predicate sees only the parameters listed in <see cref="Names"/> (reading another one throws), which lets a
/// space skip whole blocks of configurations as soon as the parameters it reads are fixed.
/// </summary>
public sealed class Constraint
{
    private readonly string[] _names;
    private readonly Func<long[], bool> _core;

    /// <summary>Creates a constraint over any number of parameters.</summary>
    /// <param name="description">What must hold, for messages, e.g. <c>BLOCK_X * BLOCK_Y &lt;= 256</c>.</param>
    /// <param name="names">The parameters the predicate reads; at least one, distinct.</param>
    /// <param name="predicate">True when a configuration is allowed; it receives only the named parameters.</param>
    public Constraint(string description, IEnumerable<string> names, Func<TuningConfiguration, bool> predicate)
        : this(description, names?.ToArray()!, (Func<long[], bool>)null!)
    {
        ArgumentNullException.ThrowIfNull(predicate);
        var sortedNames = _names.Order(StringComparer.Ordinal).ToArray();
        var slot = sortedNames.Select(n => Array.IndexOf(_names, n)).ToArray();
        _core = values =>
        {
            var sortedValues = new long[slot.Length];
            for (var i = 0; i < slot.Length; i++)
            {
                sortedValues[i] = values[slot[i]];
            }

            try
            {
                return predicate(new TuningConfiguration(sortedNames, sortedValues));
            }
            catch (KeyNotFoundException e)
            {
                throw new InvalidOperationException($"Constraint '{description}' reads a parameter it does not declare in its names: {e.Message}", e);
            }
        };
    }

    private Constraint(string description, string[] names, Func<long[], bool> core)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(description);
        ArgumentNullException.ThrowIfNull(names);
        if (names.Length == 0)
        {
            throw new ArgumentException($"Constraint '{description}' names no parameters.", nameof(names));
        }

        if (names.Distinct(StringComparer.Ordinal).Count() != names.Length)
        {
            throw new ArgumentException($"Constraint '{description}' names a parameter twice.", nameof(names));
        }

        Description = description;
        _names = names;
        _core = core;
    }

    /// <summary>A constraint over one parameter.</summary>
    public static Constraint Create(string a, Func<long, bool> predicate, string description)
    {
        ArgumentNullException.ThrowIfNull(predicate);
        return new(description, [a], v => predicate(v[0]));
    }

    /// <summary>A constraint over two parameters, e.g. <c>Create("X", "Y", (x, y) =&gt; x * y &lt;= 256, "X*Y &lt;= 256")</c>.</summary>
    public static Constraint Create(string a, string b, Func<long, long, bool> predicate, string description)
    {
        ArgumentNullException.ThrowIfNull(predicate);
        return new(description, [a, b], v => predicate(v[0], v[1]));
    }

    /// <summary>A constraint over three parameters.</summary>
    public static Constraint Create(string a, string b, string c, Func<long, long, long, bool> predicate, string description)
    {
        ArgumentNullException.ThrowIfNull(predicate);
        return new(description, [a, b, c], v => predicate(v[0], v[1], v[2]));
    }

    /// <summary>What must hold, for messages.</summary>
    public string Description { get; }

    /// <summary>The parameters the predicate reads, in declaration order.</summary>
    public IReadOnlyList<string> Names => _names;

    /// <summary>Whether <paramref name="configuration"/> satisfies the constraint.</summary>
    /// <exception cref="ArgumentException">The configuration lacks a parameter the constraint reads.</exception>
    public bool IsSatisfiedBy(TuningConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var values = new long[_names.Length];
        for (var i = 0; i < _names.Length; i++)
        {
            if (!configuration.TryGetValue(_names[i], out values[i]))
            {
                throw new ArgumentException($"Constraint '{Description}' reads '{_names[i]}', which configuration {configuration.Key} lacks.", nameof(configuration));
            }
        }

        return _core(values);
    }

    /// <summary>Evaluates the predicate on values given in <see cref="Names"/> order.</summary>
    internal bool Holds(long[] values) => _core(values);

    /// <summary>The description.</summary>
    public override string ToString() => Description;
}
