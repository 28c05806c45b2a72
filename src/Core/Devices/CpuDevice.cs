using System.Globalization;

namespace Oompa.Core.Devices;

/// <summary>The host CPU, always present. <see cref="Threads"/> bounds the parallelism of multi-threaded strategies.</summary>
public sealed class CpuDevice : IDevice
{
    private static readonly Lazy<string> ModelName = new(ReadModelName);

    /// <summary>Creates the device using <paramref name="threads"/> threads (default: every core).</summary>
    public CpuDevice(int? threads = null)
    {
        int t = threads ?? Environment.ProcessorCount;
        ArgumentOutOfRangeException.ThrowIfLessThan(t, 1, nameof(threads));
        Threads = t;
    }

    /// <summary>The CPU with every core.</summary>
    public static CpuDevice Default { get; } = new();

    /// <summary>Threads multi-threaded strategies may use.</summary>
    public int Threads { get; }

    /// <inheritdoc />
    public string Name => ModelName.Value;

    /// <inheritdoc />
    public string Identity => string.Create(CultureInfo.InvariantCulture, $"cpu|{Name}|{Environment.ProcessorCount}");

    /// <inheritdoc />
    public DeviceKind Kind => DeviceKind.Cpu;

    /// <inheritdoc />
    public Oompa.Core.Data.MemoryNode MemoryNode => Oompa.Core.Data.MemoryNode.Host;

    /// <inheritdoc />
    public int ComputeUnits => Environment.ProcessorCount;

    /// <summary>Options for <see cref="Parallel"/> loops bounded by <see cref="Threads"/>.</summary>
    public ParallelOptions ParallelOptions => new() { MaxDegreeOfParallelism = Threads };

    /// <summary>Formats as <c>name (N threads)</c>.</summary>
    public override string ToString() => $"{Name} ({Threads} threads)";

    private static string ReadModelName()
    {
        try
        {
            foreach (string line in File.ReadLines("/proc/cpuinfo"))
            {
                if (line.StartsWith("model name", StringComparison.Ordinal))
                {
                    return line[(line.IndexOf(':', StringComparison.Ordinal) + 1)..].Trim();
                }
            }
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }

        return $"{System.Runtime.InteropServices.RuntimeInformation.ProcessArchitecture} CPU";
    }
}
