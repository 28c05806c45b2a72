using System.Collections;
using System.Globalization;
using System.Text;

namespace Oompa.Tuning.Spaces;

/// <summary>
/// An immutable assignment of values to named tuning parameters. Equality is by value; <see cref="Key"/> is the
/// canonical text form (<c>A=1,B=32</c>, names sorted ordinally) used to key persisted data.
/// </summary>
public sealed class TuningConfiguration : IEquatable<TuningConfiguration>, IEnumerable<KeyValuePair<string, long>>
{
    private readonly string[] _names;
    private readonly long[] _values;
    private string? _key;
    private int _hash;

    /// <summary>Creates a configuration from name/value pairs (any order; names must be distinct).</summary>
    public TuningConfiguration(IEnumerable<KeyValuePair<string, long>> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var pairs = values.OrderBy(p => p.Key, StringComparer.Ordinal).ToArray();
        for (var i = 0; i < pairs.Length; i++)
        {
            if (string.IsNullOrEmpty(pairs[i].Key) || pairs[i].Key.AsSpan().IndexOfAny("=,") >= 0)
            {
                throw new ArgumentException($"Parameter name '{pairs[i].Key}' is empty or contains '=' or ','.", nameof(values));
            }

            if (i > 0 && pairs[i].Key == pairs[i - 1].Key)
            {
                throw new ArgumentException($"Parameter '{pairs[i].Key}' is assigned twice.", nameof(values));
            }
        }

        _names = pairs.Select(p => p.Key).ToArray();
        _values = pairs.Select(p => p.Value).ToArray();
    }

    /// <summary>Wraps arrays already sorted by name (no copy, no checks).</summary>
    internal TuningConfiguration(string[] sortedNames, long[] values)
    {
        _names = sortedNames;
        _values = values;
    }

    /// <summary>The configuration with no parameters.</summary>
    public static TuningConfiguration Empty { get; } = new([], []);

    /// <summary>The number of parameters.</summary>
    public int Count => _names.Length;

    /// <summary>The parameter names in ordinal order.</summary>
    public IReadOnlyList<string> Names => _names;

    /// <summary>The value of parameter <paramref name="name"/>.</summary>
    /// <exception cref="KeyNotFoundException">The configuration has no such parameter.</exception>
    public long this[string name] => TryGetValue(name, out var v)
        ? v
        : throw new KeyNotFoundException($"Configuration {Key} has no parameter '{name}'.");

    /// <summary>The canonical text form: <c>NAME=value</c> pairs sorted by name, joined by commas.</summary>
    public string Key => _key ??= BuildKey();

    /// <summary>Whether the configuration assigns <paramref name="name"/>.</summary>
    public bool Contains(string name) => Array.BinarySearch(_names, name, StringComparer.Ordinal) >= 0;

    /// <summary>Gets the value of <paramref name="name"/> when assigned.</summary>
    public bool TryGetValue(string name, out long value)
    {
        var i = Array.BinarySearch(_names, name, StringComparer.Ordinal);
        value = i >= 0 ? _values[i] : 0;
        return i >= 0;
    }

    /// <summary>A copy with <paramref name="name"/> set to <paramref name="value"/> (added when absent).</summary>
    public TuningConfiguration With(string name, long value) =>
        new(this.Where(p => p.Key != name).Append(new KeyValuePair<string, long>(name, value)));

    /// <summary>OpenCL/C build options, one per parameter: <c>-D NAME=value</c>.</summary>
    public IReadOnlyList<string> ToDefines() =>
        _names.Select((n, i) => string.Create(CultureInfo.InvariantCulture, $"-D {n}={_values[i]}")).ToArray();

    /// <summary>Parses the canonical form produced by <see cref="Key"/> (the empty string is the empty configuration).</summary>
    /// <exception cref="FormatException">The text is not a list of <c>NAME=integer</c> pairs.</exception>
    public static TuningConfiguration Parse(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (key.Length == 0)
        {
            return Empty;
        }

        var pairs = new List<KeyValuePair<string, long>>();
        foreach (var part in key.Split(','))
        {
            var eq = part.IndexOf('=', StringComparison.Ordinal);
            if (eq <= 0 || !long.TryParse(part.AsSpan(eq + 1), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value))
            {
                throw new FormatException($"'{part}' in configuration '{key}' is not NAME=integer.");
            }

            pairs.Add(new(part[..eq], value));
        }

        try
        {
            return new TuningConfiguration(pairs);
        }
        catch (ArgumentException e)
        {
            throw new FormatException($"Configuration '{key}': {e.Message}", e);
        }
    }

    /// <inheritdoc/>
    public bool Equals(TuningConfiguration? other) =>
        other is not null && (ReferenceEquals(this, other)
            || (_values.AsSpan().SequenceEqual(other._values) && _names.AsSpan().SequenceEqual(other._names)));

    /// <inheritdoc/>
    public override bool Equals(object? obj) => Equals(obj as TuningConfiguration);

    /// <inheritdoc/>
    public override int GetHashCode()
    {
        if (_hash == 0)
        {
            var h = new HashCode();
            foreach (var n in _names)
            {
                h.Add(n, StringComparer.Ordinal);
            }

            foreach (var v in _values)
            {
                h.Add(v);
            }

            _hash = h.ToHashCode() | 1;
        }

        return _hash;
    }

    /// <summary>Value equality.</summary>
    public static bool operator ==(TuningConfiguration? left, TuningConfiguration? right) => Equals(left, right);

    /// <summary>Value inequality.</summary>
    public static bool operator !=(TuningConfiguration? left, TuningConfiguration? right) => !Equals(left, right);

    /// <summary>The canonical form, <see cref="Key"/>.</summary>
    public override string ToString() => Key;

    /// <inheritdoc/>
    public IEnumerator<KeyValuePair<string, long>> GetEnumerator()
    {
        for (var i = 0; i < _names.Length; i++)
        {
            yield return new(_names[i], _values[i]);
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    private string BuildKey()
    {
        var sb = new StringBuilder();
        for (var i = 0; i < _names.Length; i++)
        {
            if (i > 0)
            {
                sb.Append(',');
            }

            sb.Append(_names[i]).Append('=').Append(_values[i].ToString(CultureInfo.InvariantCulture));
        }

        return sb.ToString();
    }
}
