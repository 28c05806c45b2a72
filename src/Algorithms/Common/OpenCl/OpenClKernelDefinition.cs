using System.Reflection;
using Oompa.Core.Devices.OpenCl;
using Oompa.Tuning.Spaces;

namespace Oompa.Algorithms.Common.OpenCl;

/// <summary>
/// One OpenCL program of an algorithm: its source (with <c>common.cl</c> prepended), the tuning parameters it reads as
/// <c>-D NAME=value</c> definitions with their constraints, and a default configuration that is valid on every device.
/// The autotuner searches <see cref="Space"/>; strategies build with <see cref="Options"/>.
/// </summary>
public sealed class OpenClKernelDefinition
{
    private static readonly Lazy<string> Common = new(() => OpenClKernelSource.FromResource(typeof(OpenClKernelDefinition).Assembly, "common.cl").Text);

    /// <summary>Creates a definition from an embedded resource of this assembly.</summary>
    /// <param name="name">A stable name, for example <c>Initialization.Fill</c>; keys tuning results.</param>
    /// <param name="resource">The <c>.cl</c> file name embedded in the assembly.</param>
    /// <param name="space">The tuning parameters and constraints; its default must be valid on every device.</param>
    public OpenClKernelDefinition(string name, string resource, TuningSpace space)
        : this(name, typeof(OpenClKernelDefinition).Assembly, resource, space)
    {
    }

    /// <summary>Creates a definition from an embedded resource of <paramref name="assembly"/> (for kernels outside Oompa).</summary>
    public OpenClKernelDefinition(string name, Assembly assembly, string resource, TuningSpace space)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(space);
        var own = OpenClKernelSource.FromResource(assembly, resource);
        Name = name;
        Source = new OpenClKernelSource(resource, Common.Value + "\n" + own.Text);
        Space = space;
        if (!space.IsValid(space.Default))
        {
            throw new ArgumentException($"The default configuration of {name} violates its constraints: {string.Join("; ", space.Problems(space.Default))}", nameof(space));
        }
    }

    /// <summary>The stable name.</summary>
    public string Name { get; }

    /// <summary>The full program source.</summary>
    public OpenClKernelSource Source { get; }

    /// <summary>The tuning space.</summary>
    public TuningSpace Space { get; }

    /// <summary>The configuration used until a tuned one is known.</summary>
    public TuningConfiguration Default => Space.Default;

    /// <summary>Build options for <paramref name="configuration"/> plus problem constants (for example the element type).</summary>
    /// <exception cref="ArgumentException">The configuration is not valid in <see cref="Space"/>.</exception>
    public OpenClBuildOptions Options(TuningConfiguration configuration, params IEnumerable<KeyValuePair<string, string>> constants)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        if (!Space.IsValid(configuration))
        {
            throw new ArgumentException($"{configuration} is not a valid configuration of {Name}: {string.Join("; ", Space.Problems(configuration))}", nameof(configuration));
        }

        return new OpenClBuildOptions(configuration.Select(p => KeyValuePair.Create(p.Key, p.Value.ToString(System.Globalization.CultureInfo.InvariantCulture))).Concat(constants));
    }

    /// <summary>Builds (or fetches from the cache) the program for <paramref name="device"/>.</summary>
    public OpenClProgram Build(OpenClDevice device, TuningConfiguration configuration, params IEnumerable<KeyValuePair<string, string>> constants)
    {
        ArgumentNullException.ThrowIfNull(device);
        var options = Options(configuration, constants);
        KernelBuildRecorder.Record(this);
        return device.Programs.Get(Source, options);
    }

    /// <summary>Formats as the name.</summary>
    public override string ToString() => Name;
}
