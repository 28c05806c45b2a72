using Oompa.Tuning.Spaces;

namespace Oompa.Tuning.Tests.Support;

/// <summary>
/// Random small spaces with random constraints (built from a seed), together with an independent brute-force list of
/// their valid configurations in mixed-radix order.
/// </summary>
internal sealed record RandomSpace(TuningSpace Space, IReadOnlyList<TuningConfiguration> Valid)
{
    /// <summary>A random space, or null when the random constraints admit no configuration.</summary>
    public static RandomSpace? Create(int seed)
    {
        var rng = new Random(seed);
        var names = Enumerable.Range(0, rng.Next(1, 5)).Select(i => $"P{i}").ToArray();
        var values = names.Select(_ => Enumerable.Range(0, 16).OrderBy(_ => rng.Next()).Take(rng.Next(1, 6)).Select(v => (long)v).ToArray()).ToArray();
        var constraints = Enumerable.Range(0, rng.Next(0, 4)).Select(_ => RandomConstraint(rng, names)).ToList();

        var all = new List<TuningConfiguration>();
        Combine(names, values, 0, new long[names.Length], all);
        var valid = all.Where(c => constraints.All(k => k.IsSatisfiedBy(c))).ToList();
        if (valid.Count == 0)
        {
            return null;
        }

        var chosen = valid[rng.Next(valid.Count)];
        var parameters = names.Select((n, i) => new TuningParameter(n, values[i], chosen[n]));
        return new RandomSpace(new TuningSpace(parameters, constraints), valid);
    }

    private static void Combine(string[] names, long[][] values, int p, long[] current, List<TuningConfiguration> into)
    {
        if (p == names.Length)
        {
            into.Add(new TuningConfiguration(names.Select((n, i) => new KeyValuePair<string, long>(n, current[i]))));
            return;
        }

        foreach (var v in values[p])
        {
            current[p] = v;
            Combine(names, values, p + 1, current, into);
        }
    }

    private static Constraint RandomConstraint(Random rng, string[] names)
    {
        string Pick() => names[rng.Next(names.Length)];
        var a = Pick();
        var b = names.Length > 1 ? names.Where(n => n != a).ElementAt(rng.Next(names.Length - 1)) : null;
        switch (b is null ? 3 : rng.Next(5))
        {
            case 0:
                var (m, r) = (rng.Next(2, 5), rng.Next(0, 4));
                return Constraint.Create(a, b!, (x, y) => (x + y) % m != r % m, $"({a} + {b}) % {m} != {r % m}");
            case 1:
                var k = rng.Next(-3, 4);
                return Constraint.Create(a, b!, (x, y) => x <= y + k, $"{a} <= {b} + {k}");
            case 2:
                var t = rng.Next(0, 120);
                return Constraint.Create(a, b!, (x, y) => x * y <= t, $"{a} * {b} <= {t}");
            case 3:
                var v = rng.Next(0, 16);
                return Constraint.Create(a, x => x != v, $"{a} != {v}");
            default:
                var read = names.OrderBy(_ => rng.Next()).Take(rng.Next(1, names.Length + 1)).ToArray();
                return new Constraint($"sum of {string.Join(", ", read)} is not a multiple of 3", read, c => read.Sum(n => c[n]) % 3 != 0);
        }
    }
}
