using Oompa.Core.Data;

namespace Oompa.Tuning.Groups;

/// <summary>
/// What makes a tuning result apply to a request: the features that can change a kernel's best configuration (payload
/// shapes, padding, element types, settings). Its <see cref="Text"/>, <c>name=value</c> pairs joined by <c>;</c>, is the
/// group part of a <see cref="Store.TuningStoreKey"/> and parses back with <see cref="Parse"/>, so groups found on disk
/// can be compared: <see cref="DistanceTo"/> finds the nearest stored group, <see cref="DiffersOnlyInBatch"/> finds
/// similar ones.
/// </summary>
public sealed class GroupSignature : IEquatable<GroupSignature>
{
    private readonly GroupFeature[] features;

    /// <summary>Creates a signature from features in a fixed order (names must be distinct).</summary>
    public GroupSignature(IEnumerable<GroupFeature> features)
    {
        ArgumentNullException.ThrowIfNull(features);
        this.features = [.. features];
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var feature in this.features)
        {
            if (feature.Name is null)
            {
                throw new ArgumentException("A group feature has no name (default value).", nameof(features));
            }

            if (!names.Add(feature.Name))
            {
                throw new ArgumentException($"Group feature '{feature.Name}' appears twice.", nameof(features));
            }
        }

        Text = string.Join(";", this.features.Select(f => f.ToString()));
    }

    /// <summary>The signature with no features (every request in one group).</summary>
    public static GroupSignature Empty { get; } = new([]);

    /// <summary>The features in order.</summary>
    public IReadOnlyList<GroupFeature> Features => features;

    /// <summary>The canonical text: <c>name=value</c> pairs joined by <c>;</c>.</summary>
    public string Text { get; }

    /// <summary>
    /// The default signature of a request: for every member of <paramref name="output"/> (prefix <c>out.</c>) and
    /// <paramref name="input"/> (prefix <c>in.</c>) its element type and every field of its logical descriptor
    /// (sizes, padding, Fourier domain and state), or <c>absent</c> for a missing optional member; then the settings'
    /// text (records print their values) unless <paramref name="settings"/> is null.
    /// </summary>
    public static GroupSignature Of(PayloadWrapper output, PayloadWrapper input, object? settings)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(input);
        var list = new List<GroupFeature>();
        Add(list, "out.", output);
        Add(list, "in.", input);
        if (settings is not null)
        {
            list.Add(GroupFeature.Category("settings", settings.ToString() ?? settings.GetType().Name));
        }

        return new GroupSignature(list);
    }

    /// <summary>Parses <see cref="Text"/> back (the empty string is <see cref="Empty"/>).</summary>
    /// <exception cref="FormatException">A part is not <c>name=value</c> or a name repeats.</exception>
    public static GroupSignature Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Length == 0)
        {
            return Empty;
        }

        var list = new List<GroupFeature>();
        foreach (var part in text.Split(';'))
        {
            int eq = part.IndexOf('=', StringComparison.Ordinal);
            if (eq <= 0)
            {
                throw new FormatException($"'{part}' in group signature '{text}' is not name=value.");
            }

            list.Add(new GroupFeature(part[..eq], part[(eq + 1)..]));
        }

        try
        {
            return new GroupSignature(list);
        }
        catch (ArgumentException e)
        {
            throw new FormatException($"Group signature '{text}': {e.Message}", e);
        }
    }

    /// <summary>Parses <paramref name="text"/>, or returns null when it is not a signature.</summary>
    public static GroupSignature? TryParse(string text)
    {
        try
        {
            return Parse(text);
        }
        catch (FormatException)
        {
            return null;
        }
    }

    /// <summary>The value of feature <paramref name="name"/>, or null.</summary>
    public string? this[string name] => features.FirstOrDefault(f => f.Name == name).Value;

    /// <summary>A copy with <paramref name="feature"/> added, or replacing the feature of the same name in place.</summary>
    public GroupSignature With(GroupFeature feature)
    {
        int i = Array.FindIndex(features, f => f.Name == feature.Name);
        var copy = features.ToList();
        if (i >= 0)
        {
            copy[i] = feature;
        }
        else
        {
            copy.Add(feature);
        }

        return new GroupSignature(copy);
    }

    /// <summary>A copy without the features <paramref name="drop"/> selects.</summary>
    public GroupSignature Without(Func<GroupFeature, bool> drop)
    {
        ArgumentNullException.ThrowIfNull(drop);
        return new GroupSignature(features.Where(f => !drop(f)));
    }

    /// <summary>
    /// How far apart two groups are: the sum over numeric features of |log2(1 + a) − log2(1 + b)| (so 64 vs 128 counts
    /// about 1), plus 1 for every categorical feature that differs and every feature only one side has. 0 means equal.
    /// </summary>
    public double DistanceTo(GroupSignature other)
    {
        ArgumentNullException.ThrowIfNull(other);
        double distance = 0;
        foreach (var mine in features)
        {
            var theirs = other.features.FirstOrDefault(f => f.Name == mine.Name);
            if (theirs.Name is null)
            {
                distance += 1;
            }
            else if (mine.IsNumeric && theirs.IsNumeric)
            {
                distance += Math.Abs(Math.Log2(1.0 + Math.Abs((double)mine.Number)) - Math.Log2(1.0 + Math.Abs((double)theirs.Number)));
            }
            else if (mine.Value != theirs.Value)
            {
                distance += 1;
            }
        }

        distance += other.features.Count(f => !features.Any(m => m.Name == f.Name));
        return distance;
    }

    /// <summary>Whether the two signatures have the same features and differ in at least one, all of them batch counts.</summary>
    public bool DiffersOnlyInBatch(GroupSignature other)
    {
        ArgumentNullException.ThrowIfNull(other);
        if (other.features.Length != features.Length || Equals(other))
        {
            return false;
        }

        for (int i = 0; i < features.Length; i++)
        {
            var (a, b) = (features[i], other.features[i]);
            if (a.Name != b.Name || (a.Value != b.Value && !(a.IsBatch && b.IsBatch)))
            {
                return false;
            }
        }

        return true;
    }

    /// <inheritdoc />
    public bool Equals(GroupSignature? other) => other is not null && Text == other.Text;

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as GroupSignature);

    /// <inheritdoc />
    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(Text);

    /// <summary>The canonical text, <see cref="Text"/>.</summary>
    public override string ToString() => Text;

    private static void Add(List<GroupFeature> list, string prefix, PayloadWrapper wrapper)
    {
        foreach (var member in wrapper.Members)
        {
            string name = prefix + member.Name;
            if (member.Payload is not { } payload)
            {
                list.Add(GroupFeature.Category(name, "absent"));
                continue;
            }

            list.Add(GroupFeature.Category(name + ".Type", payload.Physical.Type.ToString()));
            foreach (var (field, value) in payload.Descriptor.Fields)
            {
                var feature = GroupFeature.Category($"{name}.{field}", value);
                list.Add(feature);
            }
        }
    }
}
