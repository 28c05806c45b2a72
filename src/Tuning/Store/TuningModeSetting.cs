using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace Oompa.Tuning.Store;

/// <summary>
/// A tuning mode with its optional budget (the most configurations to evaluate per kernel), written as
/// <c>off</c>, <c>use-stored</c>, <c>tune</c>, <c>tune:50</c>, <c>retune</c> or <c>retune:50</c>.
/// </summary>
public sealed record TuningModeSetting
{
    /// <summary>The environment variable read by <see cref="FromEnvironment"/>.</summary>
    public const string EnvironmentVariable = "OOMPA_TUNING";

    private const string Forms = "'off', 'use-stored', 'tune', 'tune:N', 'retune' or 'retune:N' (N a positive number of configurations)";

    /// <summary>Creates a setting; only <see cref="TuningMode.Tune"/> and <see cref="TuningMode.Retune"/> take a budget.</summary>
    public TuningModeSetting(TuningMode mode, int? budget = null)
    {
        if (!Enum.IsDefined(mode))
        {
            throw new ArgumentOutOfRangeException(nameof(mode), mode, "Unknown tuning mode.");
        }

        if (budget is not null && mode is not (TuningMode.Tune or TuningMode.Retune))
        {
            throw new ArgumentException($"Tuning mode {mode} does not take a budget.", nameof(budget));
        }

        if (budget is <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(budget), budget, "A tuning budget must be a positive number of configurations.");
        }

        Mode = mode;
        Budget = budget;
    }

    /// <summary>The mode.</summary>
    public TuningMode Mode { get; }

    /// <summary>The most configurations to evaluate per kernel; null for no count limit.</summary>
    public int? Budget { get; }

    /// <summary>Parses a setting (case-insensitive, surrounding spaces ignored).</summary>
    /// <exception cref="FormatException">The text is not one of the accepted forms; the message lists them.</exception>
    public static TuningModeSetting Parse(string text) =>
        TryParse(text, out var setting, out var error) ? setting : throw new FormatException(error);

    /// <summary>Parses a setting; on failure <paramref name="error"/> says why and lists the accepted forms.</summary>
    public static bool TryParse(string? text, [NotNullWhen(true)] out TuningModeSetting? setting, [NotNullWhen(false)] out string? error)
    {
        setting = null;
        var trimmed = (text ?? "").Trim().ToLowerInvariant();
        var colon = trimmed.IndexOf(':', StringComparison.Ordinal);
        var name = colon < 0 ? trimmed : trimmed[..colon];
        var budgetText = colon < 0 ? null : trimmed[(colon + 1)..];
        TuningMode? mode = name switch
        {
            "off" => TuningMode.Off,
            "use-stored" => TuningMode.UseStored,
            "tune" => TuningMode.Tune,
            "retune" => TuningMode.Retune,
            _ => null,
        };
        if (mode is null)
        {
            error = $"Unknown tuning mode '{text}'; expected {Forms}.";
            return false;
        }

        int? budget = null;
        if (budgetText is not null)
        {
            if (mode is not (TuningMode.Tune or TuningMode.Retune))
            {
                error = $"Tuning mode '{name}' takes no budget (in '{text}'); expected {Forms}.";
                return false;
            }

            if (!int.TryParse(budgetText, NumberStyles.None, CultureInfo.InvariantCulture, out var b) || b <= 0)
            {
                error = $"Tuning budget '{budgetText}' in '{text}' is not a positive whole number of configurations; expected {Forms}.";
                return false;
            }

            budget = b;
        }

        setting = new TuningModeSetting(mode.Value, budget);
        error = null;
        return true;
    }

    /// <summary>The setting in <see cref="EnvironmentVariable"/>, or <paramref name="whenUnset"/> when it is unset or empty.</summary>
    /// <exception cref="FormatException">The variable holds an invalid setting; the message names the variable.</exception>
    public static TuningModeSetting FromEnvironment(TuningModeSetting whenUnset, Func<string, string?>? environment = null)
    {
        ArgumentNullException.ThrowIfNull(whenUnset);
        var value = (environment ?? Environment.GetEnvironmentVariable)(EnvironmentVariable);
        if (string.IsNullOrWhiteSpace(value))
        {
            return whenUnset;
        }

        return TryParse(value, out var setting, out var error) ? setting : throw new FormatException($"{EnvironmentVariable}: {error}");
    }

    /// <summary>The canonical text form, which <see cref="Parse"/> reads back.</summary>
    public override string ToString()
    {
        var name = Mode switch
        {
            TuningMode.Off => "off",
            TuningMode.UseStored => "use-stored",
            TuningMode.Tune => "tune",
            _ => "retune",
        };
        return Budget is { } b ? string.Create(CultureInfo.InvariantCulture, $"{name}:{b}") : name;
    }
}
