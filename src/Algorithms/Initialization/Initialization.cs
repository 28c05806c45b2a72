using Microsoft.Extensions.Logging;
using Oompa.Core.Algorithms;
using Oompa.Core.Data;

namespace Oompa.Algorithms.Initialization;

/// <summary>Fills every data element of a payload with a value; padding is left as it is.</summary>
public sealed class Initialization : Algorithm<InitializationOutput, NoPayloads, InitializationSettings>
{
    /// <summary>Element types any strategy of this algorithm may accept.</summary>
    public static IReadOnlyList<DataType> SupportedTypes { get; } = [DataType.Float32, DataType.Float64, DataType.Complex32];

    /// <summary>Creates the algorithm over the given strategies, asked in order.</summary>
    public Initialization(IEnumerable<StrategyFactory<InitializationOutput, NoPayloads, InitializationSettings>> strategies, ILogger<Initialization>? logger = null)
        : base(strategies, logger)
    {
    }

    /// <inheritdoc />
    protected override void ValidateRequest(InitializationOutput output, NoPayloads input, InitializationSettings settings, ICollection<string> problems)
    {
        var type = output.Data.Physical.Type;
        if (!SupportedTypes.Contains(type))
        {
            problems.Add($"member 'Data': Physical.Type is {type}; Initialization supports {string.Join(", ", SupportedTypes)}.");
        }

        if (settings.Imaginary != 0 && type != DataType.Complex32)
        {
            problems.Add($"settings: Imaginary is {settings.Imaginary}, but member 'Data' holds real {type} elements.");
        }
    }
}
