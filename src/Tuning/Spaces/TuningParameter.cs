using System.Globalization;
using System.Text.RegularExpressions;

namespace Oompa.Tuning.Spaces;

/// <summary>
/// A named tuning parameter: an ordered list of distinct candidate values and a default. The name becomes a
/// preprocessor define (<c>-D NAME=value</c>), so it must be a C identifier. Adjacent candidates in the list are
/// neighbours for local moves, so list values in a meaningful order (usually ascending).
/// </summary>
public sealed partial class TuningParameter
{
    private readonly long[] _values;
    private readonly Dictionary<long, int> _indexOf;

    /// <summary>Creates a parameter.</summary>
    /// <param name="name">A C identifier: letters, digits and underscores, not starting with a digit.</param>
    /// <param name="values">The candidate values in neighbour order; at least one, all distinct.</param>
    /// <param name="defaultValue">The value used before tuning; null means the first candidate.</param>
    public TuningParameter(string name, IEnumerable<long> values, long? defaultValue = null)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(values);
        if (!IdentifierPattern().IsMatch(name))
        {
            throw new ArgumentException($"Tuning parameter name '{name}' is not a C identifier (letters, digits, '_', not starting with a digit).", nameof(name));
        }

        _values = values.ToArray();
        if (_values.Length == 0)
        {
            throw new ArgumentException($"Tuning parameter '{name}' has no candidate values.", nameof(values));
        }

        _indexOf = new Dictionary<long, int>(_values.Length);
        for (var i = 0; i < _values.Length; i++)
        {
            if (!_indexOf.TryAdd(_values[i], i))
            {
                throw new ArgumentException($"Tuning parameter '{name}' lists the value {_values[i]} twice.", nameof(values));
            }
        }

        var chosen = defaultValue ?? _values[0];
        if (!_indexOf.ContainsKey(chosen))
        {
            throw new ArgumentException($"Default {chosen} of tuning parameter '{name}' is not one of its candidates {{{string.Join(", ", _values)}}}.", nameof(defaultValue));
        }

        Name = name;
        Default = chosen;
    }

    /// <summary>A boolean switch with candidates 0 (false) and 1 (true).</summary>
    public static TuningParameter Boolean(string name, bool defaultValue = false) => new(name, [0, 1], defaultValue ? 1 : 0);

    /// <summary>The parameter name, used as the define name.</summary>
    public string Name { get; }

    /// <summary>The candidate values in neighbour order.</summary>
    public IReadOnlyList<long> Values => _values;

    /// <summary>The number of candidate values.</summary>
    public int Count => _values.Length;

    /// <summary>The value used before tuning.</summary>
    public long Default { get; }

    /// <summary>The position of <paramref name="value"/> among the candidates, or -1 when it is not a candidate.</summary>
    public int IndexOf(long value) => _indexOf.TryGetValue(value, out var i) ? i : -1;

    /// <summary>A readable description, e.g. <c>BLOCK ∈ {8, 16, 32} (default 16)</c>.</summary>
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{Name} ∈ {{{string.Join(", ", _values)}}} (default {Default})");

    [GeneratedRegex("^[A-Za-z_][A-Za-z0-9_]*$")]
    private static partial Regex IdentifierPattern();
}
