namespace Oompa.Tuning.Spaces;

/// <summary>
/// A set of tuning parameters and the constraints valid configurations satisfy. Configurations are numbered in
/// mixed-radix order over the candidate positions, the first parameter being the most significant digit; that
/// unconstrained index runs from 0 to <see cref="UpperBound"/> − 1. Nothing is materialised: enumeration, sampling and
/// neighbourhoods work lazily, and a constraint is checked as soon as the parameters it reads are fixed, so a
/// failing constraint skips the whole block of configurations that share those values.
/// </summary>
public sealed partial class TuningSpace
{
    private readonly TuningParameter[] _parameters;
    private readonly MixedRadix _radix;
    private readonly string[] _sortedNames;
    private readonly int[] _slotOfParameter;
    private readonly CompiledConstraint[] _constraints;
    private readonly CompiledConstraint[][] _constraintsAtDepth;
    private long _count = -1;

    /// <summary>Creates a space and checks that the default configuration is valid.</summary>
    /// <exception cref="ArgumentException">Duplicate names, a constraint naming an unknown parameter, more than
    /// <see cref="long.MaxValue"/> configurations, or a default configuration that violates a constraint.</exception>
    public TuningSpace(IEnumerable<TuningParameter> parameters, IEnumerable<Constraint>? constraints = null)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        _parameters = parameters.ToArray();
        var position = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < _parameters.Length; i++)
        {
            ArgumentNullException.ThrowIfNull(_parameters[i], nameof(parameters));
            if (!position.TryAdd(_parameters[i].Name, i))
            {
                throw new ArgumentException($"Tuning parameter '{_parameters[i].Name}' is declared twice.", nameof(parameters));
            }
        }

        try
        {
            _radix = new MixedRadix(_parameters.Select(p => p.Count).ToArray());
        }
        catch (OverflowException e)
        {
            throw new ArgumentException($"The space has more than {long.MaxValue} configurations; split it.", nameof(parameters), e);
        }

        _sortedNames = position.Keys.Order(StringComparer.Ordinal).ToArray();
        _slotOfParameter = _parameters.Select(p => Array.BinarySearch(_sortedNames, p.Name, StringComparer.Ordinal)).ToArray();
        Constraints = (constraints ?? []).ToArray();
        _constraints = Constraints.Select(c => new CompiledConstraint(c ?? throw new ArgumentNullException(nameof(constraints)), position)).OrderBy(c => c.Depth).ToArray();

        _constraintsAtDepth = Enumerable.Range(0, _parameters.Length).Select(d => _constraints.Where(c => c.Depth == d).ToArray()).ToArray();

        var defaults = _parameters.Select(p => p.IndexOf(p.Default)).ToArray();
        Default = FromDigits(defaults);
        var broken = _constraints.Where(c => !c.Holds(_parameters, defaults)).Select(c => $"'{c.Constraint.Description}'").ToArray();
        if (broken.Length > 0)
        {
            throw new ArgumentException($"The default configuration {Default.Key} violates {string.Join(", ", broken)}; choose defaults that satisfy every constraint.", nameof(constraints));
        }
    }

    /// <summary>The parameters, in mixed-radix order (the first is the most significant digit).</summary>
    public IReadOnlyList<TuningParameter> Parameters => _parameters;

    /// <summary>The constraints.</summary>
    public IReadOnlyList<Constraint> Constraints { get; }

    /// <summary>The product of the candidate counts: the number of configurations before constraints.</summary>
    public long UpperBound => _radix.Total;

    /// <summary>Every parameter at its default value; always valid.</summary>
    public TuningConfiguration Default { get; }

    /// <summary>
    /// The number of valid configurations. The first call enumerates the space (with block skipping), which costs up to
    /// <see cref="UpperBound"/> constraint checks; the result is cached.
    /// </summary>
    public long Count()
    {
        if (_count < 0)
        {
            long n = 0;
            for (var i = NextValidIndex(0); i >= 0; i = NextValidIndex(i + 1))
            {
                n++;
            }

            _count = n;
        }

        return _count;
    }

    /// <summary>The configuration at unconstrained index <paramref name="index"/> (it may violate constraints).</summary>
    public TuningConfiguration At(long index) => FromDigits(Digits(index));

    /// <summary>The unconstrained index of <paramref name="configuration"/>.</summary>
    /// <exception cref="ArgumentException">The configuration has other parameters or a value that is not a candidate.</exception>
    public long IndexOf(TuningConfiguration configuration)
    {
        var digits = DigitsOf(configuration, out var problem) ?? throw new ArgumentException(problem, nameof(configuration));
        return Encode(digits);
    }

    /// <summary>Whether the configuration at unconstrained index <paramref name="index"/> satisfies every constraint.</summary>
    public bool IsValidIndex(long index) => FailingDepth(Digits(index)) < 0;

    /// <summary>Whether <paramref name="configuration"/> belongs to the space and satisfies every constraint.</summary>
    public bool IsValid(TuningConfiguration configuration) => DigitsOf(configuration, out _) is { } d && FailingDepth(d) < 0;

    /// <summary>Why <paramref name="configuration"/> is not valid; empty when it is.</summary>
    public IReadOnlyList<string> Problems(TuningConfiguration configuration)
    {
        if (DigitsOf(configuration, out var problem) is not { } digits)
        {
            return [problem];
        }

        return _constraints.Where(c => !c.Holds(_parameters, digits))
            .Select(c => $"{configuration.Key} violates '{c.Constraint.Description}'").ToArray();
    }

    /// <summary>
    /// The smallest unconstrained index ≥ <paramref name="from"/> whose configuration is valid, or -1 when there is none.
    /// Blocks of configurations that share the values a failing constraint reads are skipped without being visited.
    /// </summary>
    public long NextValidIndex(long from)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(from);
        var index = from;
        while (index < UpperBound)
        {
            var depth = FailingDepth(Digits(index));
            if (depth < 0)
            {
                return index;
            }

            index = _radix.NextBlock(index, depth);
        }

        return -1;
    }

    /// <summary>The valid configurations in mixed-radix order, generated lazily.</summary>
    public IEnumerable<TuningConfiguration> Enumerate()
    {
        for (var i = NextValidIndex(0); i >= 0; i = NextValidIndex(i + 1))
        {
            yield return At(i);
        }
    }

    private int[] Digits(long index) => _radix.Digits(index);

    private long Encode(int[] digits) => _radix.Encode(digits);

    private TuningConfiguration FromDigits(int[] digits)
    {
        var values = new long[digits.Length];
        for (var i = 0; i < digits.Length; i++)
        {
            values[_slotOfParameter[i]] = _parameters[i].Values[digits[i]];
        }

        return new TuningConfiguration(_sortedNames, values);
    }

    private int[]? DigitsOf(TuningConfiguration configuration, out string problem)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        problem = "";
        if (!configuration.Names.SequenceEqual(_sortedNames, StringComparer.Ordinal))
        {
            problem = $"Configuration {configuration.Key} does not assign exactly the parameters {string.Join(", ", _sortedNames)}.";
            return null;
        }

        var digits = new int[_parameters.Length];
        for (var i = 0; i < digits.Length; i++)
        {
            var value = configuration[_parameters[i].Name];
            digits[i] = _parameters[i].IndexOf(value);
            if (digits[i] < 0)
            {
                problem = $"Configuration {configuration.Key}: {value} is not a candidate of {_parameters[i]}.";
                return null;
            }
        }

        return digits;
    }

    private int FailingDepth(int[] digits)
    {
        foreach (var c in _constraints)
        {
            if (!c.Holds(_parameters, digits))
            {
                return c.Depth;
            }
        }

        return -1;
    }
}
