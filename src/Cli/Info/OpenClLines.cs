using System.Globalization;
using Microsoft.Extensions.Logging;
using Oompa.Core.Devices.OpenCl;

namespace Oompa.Cli.Info;

/// <summary>Lines for every OpenCL platform and device, or the reason none was found.</summary>
internal static class OpenClLines
{
    private const double GiB = 1024.0 * 1024 * 1024;

    /// <summary>The lines of the OpenCL section.</summary>
    public static IEnumerable<InfoLine> Collect(ILogger logger)
    {
        var result = OpenClDiscovery.Discover(logger);
        if (!result.Available)
        {
            return [new InfoLine("Platforms", $"none: {result.Reason}")];
        }

        var lines = new List<InfoLine>();
        for (int p = 0; p < result.Platforms.Count; p++)
        {
            var platform = result.Platforms[p];
            lines.Add(new($"Platform {p}", $"{platform.Name} ({platform.Vendor})"));
            lines.Add(new("Version", $"{platform.Version}, {platform.Profile}", 1));
            if (platform.Devices.Count == 0)
            {
                lines.Add(new("Devices", "none", 1));
            }

            for (int d = 0; d < platform.Devices.Count; d++)
            {
                Describe(lines, $"Device {p}.{d}", platform.Devices[d]);
            }
        }

        return lines;
    }

    private static void Describe(List<InfoLine> lines, string label, OpenClDeviceInfo device)
    {
        lines.Add(new(label, device.Name, 1));
        lines.Add(new("Type", device.TypeName, 2));
        lines.Add(new("Compute units", device.ComputeUnits.ToString(CultureInfo.InvariantCulture), 2));
        lines.Add(new("Global memory", FormatGiB(device.GlobalMemoryBytes), 2));
        lines.Add(new("Max allocation", FormatGiB(device.MaxAllocationBytes), 2));
        lines.Add(new("Local memory", string.Create(CultureInfo.InvariantCulture, $"{device.LocalMemoryBytes / 1024.0:0.#} KiB"), 2));
        lines.Add(new("Max work-group", device.MaxWorkGroupSize.ToString(CultureInfo.InvariantCulture), 2));
        lines.Add(new("Double precision", device.SupportsDouble ? "yes" : "no", 2));
        lines.Add(new("Driver version", device.DriverVersion, 2));
        lines.Add(new("OpenCL version", device.OpenClVersion, 2));
    }

    private static string FormatGiB(long bytes) => string.Create(CultureInfo.InvariantCulture, $"{bytes / GiB:0.0} GiB");
}
