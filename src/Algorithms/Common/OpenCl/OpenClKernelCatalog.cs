using System.Reflection;

namespace Oompa.Algorithms.Common.OpenCl;

/// <summary>
/// Every OpenCL program Oompa's algorithms declare: the public static <see cref="OpenClKernelDefinition"/> properties of
/// the public static classes named <c>…Kernels</c> in this assembly. Benchmarks and the autotuner enumerate it.
/// </summary>
public static class OpenClKernelCatalog
{
    private static readonly Lazy<IReadOnlyList<OpenClKernelDefinition>> Definitions = new(Find);

    /// <summary>The definitions, ordered by name.</summary>
    public static IReadOnlyList<OpenClKernelDefinition> All => Definitions.Value;

    /// <summary>The definition named <paramref name="name"/>.</summary>
    /// <exception cref="KeyNotFoundException">No definition has that name; the message lists the known ones.</exception>
    public static OpenClKernelDefinition Get(string name) =>
        All.FirstOrDefault(d => d.Name == name)
        ?? throw new KeyNotFoundException($"No OpenCL kernel is named '{name}'; known: {string.Join(", ", All.Select(d => d.Name))}.");

    private static IReadOnlyList<OpenClKernelDefinition> Find() =>
    [
        .. typeof(OpenClKernelCatalog).Assembly.GetExportedTypes()
            .Where(t => t.IsAbstract && t.IsSealed && t.Name.EndsWith("Kernels", StringComparison.Ordinal))
            .SelectMany(t => t.GetProperties(BindingFlags.Public | BindingFlags.Static))
            .Where(p => p.PropertyType == typeof(OpenClKernelDefinition))
            .Select(p => (OpenClKernelDefinition)p.GetValue(null)!)
            .OrderBy(d => d.Name, StringComparer.Ordinal),
    ];
}
