using System.Globalization;
using System.Reflection;
using System.Runtime.InteropServices;
using Oompa.Core.Devices;

namespace Oompa.Cli.Info;

/// <summary>Lines for the Oompa version, .NET runtime, operating system and CPU.</summary>
internal static class SystemLines
{
    /// <summary>The lines of the system section.</summary>
    public static IEnumerable<InfoLine> Collect()
    {
        var cpu = CpuDevice.Default;
        return
        [
            new("Version", OompaVersion()),
            new(".NET runtime", $"{RuntimeInformation.FrameworkDescription} ({RuntimeInformation.RuntimeIdentifier})"),
            new("OS", OperatingSystemName()),
            new("CPU", cpu.Name),
            new("Logical cores", cpu.ComputeUnits.ToString(CultureInfo.InvariantCulture)),
        ];
    }

    /// <summary>The informational version of the Oompa assemblies, for example <c>1.0.0+3f2a...</c>.</summary>
    public static string OompaVersion()
    {
        var assembly = typeof(CpuDevice).Assembly;
        return assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
            ?? assembly.GetName().Version?.ToString()
            ?? "unknown";
    }

    // OSDescription is the distribution name on Linux (from /etc/os-release); the kernel release is read separately.
    private static string OperatingSystemName()
    {
        string? kernel = KernelRelease();
        string arch = RuntimeInformation.OSArchitecture.ToString();
        return kernel is null ? $"{RuntimeInformation.OSDescription} ({arch})" : $"{RuntimeInformation.OSDescription}, kernel {kernel} ({arch})";
    }

    private static string? KernelRelease()
    {
        const string path = "/proc/sys/kernel/osrelease";
        try
        {
            return File.Exists(path) ? File.ReadAllText(path).Trim() : null;
        }
        catch (IOException)
        {
            return null;
        }
        catch (UnauthorizedAccessException)
        {
            return null;
        }
    }
}
