namespace Oompa.Scheduler.Policies;

/// <summary>The scheduling policies by name, and how a name is chosen (code, else <c>OOMPA_SCHED</c>, else dmda).</summary>
public static class SchedulingPolicies
{
    /// <summary>The environment variable that names the policy when code does not.</summary>
    public const string Variable = "OOMPA_SCHED";

    /// <summary>The alpha weight of dm* fitness (default 1), like <c>STARPU_SCHED_ALPHA</c>.</summary>
    public const string AlphaVariable = "OOMPA_SCHED_ALPHA";

    /// <summary>The beta weight of dmda/dmdar fitness (default 1), like <c>STARPU_SCHED_BETA</c>.</summary>
    public const string BetaVariable = "OOMPA_SCHED_BETA";

    /// <summary>The policy used when neither code nor the environment names one.</summary>
    public const string Default = "dmda";

    /// <summary>Every valid name: eager, ws, dm, dmda, dmdar.</summary>
    public static IReadOnlyList<string> Names { get; } = ["eager", "ws", "dm", "dmda", "dmdar"];

    /// <summary>
    /// The policy to use: <paramref name="name"/> when given, else <c>$OOMPA_SCHED</c>, else <see cref="Default"/>.
    /// </summary>
    /// <exception cref="ArgumentException">The name is not one of <see cref="Names"/>; the message lists them.</exception>
    public static string Resolve(string? name, Func<string, string?>? getenv = null)
    {
        string source = "code";
        if (string.IsNullOrWhiteSpace(name))
        {
            name = (getenv ?? Environment.GetEnvironmentVariable)(Variable);
            source = Variable;
        }

        if (string.IsNullOrWhiteSpace(name))
        {
            return Default;
        }

        string trimmed = name.Trim().ToLowerInvariant();
        if (!Names.Contains(trimmed))
        {
            throw new ArgumentException(
                $"Unknown scheduling policy '{name}' (from {source}); valid names are: {string.Join(", ", Names)}.", nameof(name));
        }

        return trimmed;
    }

    /// <summary>A weight from the environment, or <paramref name="fallback"/>.</summary>
    /// <exception cref="ArgumentException">The variable is set but is not a non-negative number.</exception>
    public static double Weight(string variable, double fallback, Func<string, string?>? getenv = null)
    {
        string? text = (getenv ?? Environment.GetEnvironmentVariable)(variable);
        if (string.IsNullOrWhiteSpace(text))
        {
            return fallback;
        }

        if (!double.TryParse(text, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out double value) || !(value >= 0) || double.IsInfinity(value))
        {
            throw new ArgumentException($"{variable}='{text}' is not a non-negative number.", nameof(variable));
        }

        return value;
    }

    internal static SchedulingPolicy Create(string name, double alpha, double beta) => Resolve(name) switch
    {
        "eager" => new EagerPolicy(),
        "ws" => new WorkStealingPolicy(),
        "dm" => new DequeModelPolicy("dm", dataAware: false, readyFirst: false, alpha, beta),
        "dmda" => new DequeModelPolicy("dmda", dataAware: true, readyFirst: false, alpha, beta),
        _ => new DequeModelPolicy("dmdar", dataAware: true, readyFirst: true, alpha, beta),
    };
}
