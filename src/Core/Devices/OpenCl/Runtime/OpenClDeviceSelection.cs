using System.Globalization;

namespace Oompa.Core.Devices.OpenCl;

/// <summary>
/// Which OpenCL device single-device users (the <c>opencl</c> backends, benchmarks, tests) take: the one
/// <c>OOMPA_OPENCL_DEVICE</c> names, else the first GPU or accelerator, else the first device. A machine with both a
/// CPU driver (pocl) and a GPU driver thus computes on the GPU whatever order the drivers were discovered in.
/// </summary>
public static class OpenClDeviceSelection
{
    /// <summary>The environment variable naming the device: its index in discovery order, or part of its name or vendor (case-insensitive).</summary>
    public const string Variable = "OOMPA_OPENCL_DEVICE";

    /// <summary>
    /// The index in <paramref name="devices"/> of the device to use, or -1 with <paramref name="problem"/> saying why:
    /// no device, or <paramref name="request"/> (the variable's value; null or blank for the preference) matches none
    /// or several.
    /// </summary>
    public static int Choose(IReadOnlyList<OpenClDeviceInfo> devices, string? request, out string? problem)
    {
        ArgumentNullException.ThrowIfNull(devices);
        problem = null;
        if (devices.Count == 0)
        {
            problem = "no OpenCL device was found.";
            return -1;
        }

        if (string.IsNullOrWhiteSpace(request))
        {
            for (int i = 0; i < devices.Count; i++)
            {
                if (!devices[i].Type.HasFlag(OpenClDeviceType.Cpu))
                {
                    return i;
                }
            }

            return 0;
        }

        string text = request.Trim();
        string list = string.Join(", ", devices.Select((d, i) => $"{i}: {d.Name} ({d.Vendor})"));
        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out int index))
        {
            if (index < devices.Count)
            {
                return index;
            }

            problem = $"{Variable}={text} names device {index}, but there are {devices.Count} ({list}).";
            return -1;
        }

        var matches = Enumerable.Range(0, devices.Count)
            .Where(i => devices[i].Name.Contains(text, StringComparison.OrdinalIgnoreCase)
                || devices[i].Vendor.Contains(text, StringComparison.OrdinalIgnoreCase))
            .ToList();
        if (matches.Count == 1)
        {
            return matches[0];
        }

        problem = matches.Count == 0
            ? $"{Variable}={text} matches no OpenCL device ({list})."
            : $"{Variable}={text} matches {matches.Count} OpenCL devices ({list}); give an index.";
        return -1;
    }

    /// <summary>Choose with the request read from <see cref="Variable"/>.</summary>
    public static int Choose(IReadOnlyList<OpenClDeviceInfo> devices, out string? problem) =>
        Choose(devices, Environment.GetEnvironmentVariable(Variable), out problem);

    /// <summary>The device <see cref="Choose(IReadOnlyList{OpenClDeviceInfo}, out string?)"/> picks, or null when it picks none.</summary>
    public static OpenClDeviceInfo? Preferred(IReadOnlyList<OpenClDeviceInfo> devices)
    {
        int index = Choose(devices, out _);
        return index >= 0 ? devices[index] : null;
    }
}
