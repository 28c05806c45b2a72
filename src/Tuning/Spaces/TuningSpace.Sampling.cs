namespace Oompa.Tuning.Spaces;

/// <summary>Random sampling and single-parameter neighbourhoods.</summary>
public sealed partial class TuningSpace
{
    /// <summary>
    /// A random valid configuration: up to <paramref name="maxTries"/> uniform draws over the unconstrained index
    /// (uniform over valid configurations when one succeeds), then a randomised depth-first descent that picks each
    /// parameter's candidate in random order and backtracks as soon as a constraint fails. The descent reaches every
    /// valid configuration but not uniformly (values with few valid completions are favoured); it is needed only when
    /// valid configurations are rarer than about one in <paramref name="maxTries"/>.
    /// </summary>
    public TuningConfiguration Sample(Random random, int maxTries = 64) => At(RandomValidIndex(random, maxTries, _ => true));

    /// <summary>
    /// Like <see cref="Sample"/>, restricted to configurations whose unconstrained index <paramref name="accept"/>
    /// approves; -1 when there is none (found only after the descent has tried every valid configuration).
    /// </summary>
    internal long RandomValidIndex(Random random, int maxTries, Func<long, bool> accept)
    {
        ArgumentNullException.ThrowIfNull(random);
        for (var t = 0; t < maxTries; t++)
        {
            var i = random.NextInt64(UpperBound);
            if (accept(i) && IsValidIndex(i))
            {
                return i;
            }
        }

        var digits = new int[_parameters.Length];
        return Descend(0, digits, random, accept) ? Encode(digits) : -1;
    }

    /// <summary>Valid configurations that differ from <paramref name="configuration"/> in one parameter, moved to an adjacent candidate.</summary>
    public IEnumerable<TuningConfiguration> Neighbours(TuningConfiguration configuration) => Moves(configuration, adjacentOnly: true);

    /// <summary>Valid configurations that differ from <paramref name="configuration"/> in exactly one parameter (any other candidate).</summary>
    public IEnumerable<TuningConfiguration> Moves(TuningConfiguration configuration) => Moves(configuration, adjacentOnly: false);

    private IEnumerable<TuningConfiguration> Moves(TuningConfiguration configuration, bool adjacentOnly)
    {
        var digits = DigitsOf(configuration, out var problem) ?? throw new ArgumentException(problem, nameof(configuration));
        return MovesOf(digits, adjacentOnly);
    }

    private IEnumerable<TuningConfiguration> MovesOf(int[] digits, bool adjacentOnly)
    {
        for (var p = 0; p < _parameters.Length; p++)
        {
            var (lo, hi) = adjacentOnly ? (digits[p] - 1, digits[p] + 1) : (0, _parameters[p].Count - 1);
            for (var d = Math.Max(lo, 0); d <= Math.Min(hi, _parameters[p].Count - 1); d++)
            {
                if (d == digits[p])
                {
                    continue;
                }

                var moved = (int[])digits.Clone();
                moved[p] = d;
                if (FailingDepth(moved) < 0)
                {
                    yield return FromDigits(moved);
                }
            }
        }
    }

    private bool Descend(int depth, int[] digits, Random random, Func<long, bool> accept)
    {
        if (depth == digits.Length)
        {
            return accept(Encode(digits));
        }

        var order = Enumerable.Range(0, _parameters[depth].Count).ToArray();
        random.Shuffle(order);
        foreach (var d in order)
        {
            digits[depth] = d;
            if (_constraintsAtDepth[depth].All(c => c.Holds(_parameters, digits)) && Descend(depth + 1, digits, random, accept))
            {
                return true;
            }
        }

        return false;
    }
}
