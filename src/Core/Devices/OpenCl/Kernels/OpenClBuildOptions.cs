using System.Globalization;
using System.Text.RegularExpressions;

namespace Oompa.Core.Devices.OpenCl;

/// <summary>
/// Compiler options built from <c>-D NAME=value</c> definitions (tuning parameters and problem constants). Names are C
/// identifiers and values plain numbers or identifiers, so options cannot inject other flags; definitions are sorted,
/// so the same set always gives the same options string and the same cache key.
/// </summary>
public sealed partial record OpenClBuildOptions
{
    private readonly SortedDictionary<string, string> defines;

    /// <summary>Options with the given definitions.</summary>
    public OpenClBuildOptions(IEnumerable<KeyValuePair<string, string>>? defines = null)
    {
        this.defines = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, value) in defines ?? [])
        {
            if (!Identifier().IsMatch(name))
            {
                throw new ArgumentException($"'{name}' is not a valid OpenCL macro name.", nameof(defines));
            }

            if (!Value().IsMatch(value))
            {
                throw new ArgumentException($"Value '{value}' of {name} is not a number or identifier.", nameof(defines));
            }

            if (!this.defines.TryAdd(name, value))
            {
                throw new ArgumentException($"{name} is defined twice.", nameof(defines));
            }
        }

        Text = string.Join(' ', this.defines.Select(d => $"-D {d.Key}={d.Value}"));
    }

    /// <summary>No definitions.</summary>
    public static OpenClBuildOptions None { get; } = new();

    /// <summary>The definitions, sorted by name.</summary>
    public IReadOnlyDictionary<string, string> Defines => defines;

    /// <summary>The options string passed to <c>clBuildProgram</c>.</summary>
    public string Text { get; }

    /// <summary>Options from integer definitions, for example tuning parameters.</summary>
    public static OpenClBuildOptions From(IEnumerable<KeyValuePair<string, long>> defines) =>
        new((defines ?? []).Select(d => KeyValuePair.Create(d.Key, d.Value.ToString(CultureInfo.InvariantCulture))));

    /// <summary>These options plus more definitions.</summary>
    public OpenClBuildOptions With(string name, long value) =>
        new(defines.Append(KeyValuePair.Create(name, value.ToString(CultureInfo.InvariantCulture))));

    /// <summary>Equal when the definitions are equal.</summary>
    public bool Equals(OpenClBuildOptions? other) => other is not null && Text == other.Text;

    /// <inheritdoc />
    public override int GetHashCode() => Text.GetHashCode(StringComparison.Ordinal);

    /// <summary>Formats as the options string.</summary>
    public override string ToString() => Text;

    [GeneratedRegex("^[A-Za-z_][A-Za-z0-9_]*$")]
    private static partial Regex Identifier();

    [GeneratedRegex("^[-+]?[A-Za-z0-9_.]+$")]
    private static partial Regex Value();
}
