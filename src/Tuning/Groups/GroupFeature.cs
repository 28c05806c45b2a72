using System.Globalization;

namespace Oompa.Tuning.Groups;

/// <summary>
/// One feature of a <see cref="GroupSignature"/>: a name such as <c>out.Data.Size.X</c> and its value as text. Whole
/// numbers are <see cref="IsNumeric">numeric</see> (shapes, counts) and enter distances on a log scale; anything else is
/// categorical (types, padding, settings). A numeric feature whose name ends in <c>.N</c> is a batch count.
/// </summary>
public readonly record struct GroupFeature
{
    /// <summary>Creates a feature.</summary>
    /// <exception cref="ArgumentException">The name is empty or contains <c>=</c> or <c>;</c>, or the value contains <c>;</c>.</exception>
    public GroupFeature(string name, string value)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(value);
        if (name.AsSpan().IndexOfAny("=;") >= 0)
        {
            throw new ArgumentException($"Group feature name '{name}' contains '=' or ';'.", nameof(name));
        }

        if (value.Contains(';', StringComparison.Ordinal))
        {
            throw new ArgumentException($"The value of group feature '{name}' contains ';': '{value}'.", nameof(value));
        }

        Name = name;
        Value = value;
    }

    /// <summary>The feature's name.</summary>
    public string Name { get; }

    /// <summary>The feature's value as text.</summary>
    public string Value { get; }

    /// <summary>Whether <see cref="Value"/> is a whole number.</summary>
    public bool IsNumeric => long.TryParse(Value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _);

    /// <summary>The numeric value; only meaningful when <see cref="IsNumeric"/>.</summary>
    public long Number => long.TryParse(Value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var v) ? v : 0;

    /// <summary>Whether this is a batch count: a numeric feature whose name ends in <c>.N</c> (<c>Size.N</c>, <c>SpatialSize.N</c>).</summary>
    public bool IsBatch => IsNumeric && Name.EndsWith(".N", StringComparison.Ordinal);

    /// <summary>A numeric feature.</summary>
    public static GroupFeature Numeric(string name, long value) => new(name, value.ToString(CultureInfo.InvariantCulture));

    /// <summary>A categorical feature; <c>;</c> in <paramref name="value"/> becomes <c>,</c>.</summary>
    public static GroupFeature Category(string name, string value) => new(name, (value ?? "").Replace(';', ','));

    /// <summary>Formats as <c>name=value</c>.</summary>
    public override string ToString() => $"{Name}={Value}";
}
