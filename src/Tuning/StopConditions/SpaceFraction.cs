using System.Globalization;
using Oompa.Tuning.Spaces;

namespace Oompa.Tuning.StopConditions;

/// <summary>Stops once a fraction of the space has been evaluated (rounded up, at least one configuration).</summary>
public sealed class SpaceFraction : IStopCondition
{
    private long _limit = -1;

    /// <summary>Stops after <paramref name="fraction"/> (in (0, 1]) of the <paramref name="basis"/>.</summary>
    public SpaceFraction(double fraction, FractionBasis basis = FractionBasis.ValidConfigurations)
    {
        if (!(fraction > 0 && fraction <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(fraction), fraction, "A fraction of the space must lie in (0, 1].");
        }

        Fraction = fraction;
        Basis = basis;
    }

    /// <summary>The fraction.</summary>
    public double Fraction { get; }

    /// <summary>What it is a fraction of.</summary>
    public FractionBasis Basis { get; }

    /// <summary>The number of evaluations after which the condition holds; known after <see cref="Start"/>.</summary>
    public long Limit => _limit >= 0 ? _limit : throw new InvalidOperationException("Start the condition with a space first.");

    /// <inheritdoc/>
    public string Description => string.Create(CultureInfo.InvariantCulture, $"{Fraction:P1} of the {(Basis == FractionBasis.UpperBound ? "unconstrained" : "valid")} space");

    /// <inheritdoc/>
    public void Start(TuningSpace space)
    {
        ArgumentNullException.ThrowIfNull(space);
        var total = Basis == FractionBasis.UpperBound ? space.UpperBound : space.Count();
        _limit = Math.Max(1, (long)Math.Ceiling(Fraction * total));
    }

    /// <inheritdoc/>
    public bool ShouldStop(TuningHistory history)
    {
        ArgumentNullException.ThrowIfNull(history);
        return history.Count >= Limit;
    }
}
