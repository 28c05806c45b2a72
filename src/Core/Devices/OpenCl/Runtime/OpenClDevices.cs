using Microsoft.Extensions.Logging;

namespace Oompa.Core.Devices.OpenCl;

/// <summary>
/// The OpenCL devices of this process, opened once on first use and kept open for the life of the process (contexts
/// are expensive to create). Device <c>k</c> in <see cref="All"/> owns memory node <c>device{k}</c>.
/// </summary>
public static class OpenClDevices
{
    private static readonly Lazy<(IReadOnlyList<OpenClDevice> Devices, string? Reason)> Opened = new(OpenAll, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>Every device of every platform, in discovery order; empty when OpenCL is unavailable.</summary>
    public static IReadOnlyList<OpenClDevice> All => Opened.Value.Devices;

    /// <summary>
    /// The devices of <see cref="All"/> that are not CPUs (GPUs and accelerators): the ones that add compute to a node.
    /// An OpenCL driver on the CPU (pocl) runs kernels on the same cores as the host's CPU workers, so the
    /// <c>auto</c> backends leave it out; it stays available by name (<see cref="All"/>, <see cref="Default"/>).
    /// </summary>
    public static IReadOnlyList<OpenClDevice> Accelerators => [.. All.Where(d => !d.Info.Type.HasFlag(OpenClDeviceType.Cpu))];

    /// <summary>Why <see cref="All"/> is empty, or null when it is not.</summary>
    public static string? UnavailableReason => Opened.Value.Reason;

    /// <summary>
    /// The device single-device backends use (<see cref="OpenClDeviceSelection"/>): the one <c>OOMPA_OPENCL_DEVICE</c>
    /// names, else the first GPU or accelerator, else the first device; null with <see cref="DefaultProblem"/> saying
    /// why when there is none or the variable names none.
    /// </summary>
    public static OpenClDevice? Default => Chosen.Value.Index >= 0 ? All[Chosen.Value.Index] : null;

    /// <summary>Why <see cref="Default"/> is null, or null when it is not.</summary>
    public static string? DefaultProblem => Chosen.Value.Problem;

    /// <summary><see cref="Default"/>, or an exception naming why there is none.</summary>
    /// <exception cref="InvalidOperationException">No OpenCL device is available, or <c>OOMPA_OPENCL_DEVICE</c> names none.</exception>
    public static OpenClDevice Require() =>
        Default ?? throw new InvalidOperationException($"No OpenCL device is available: {DefaultProblem}");

    /// <summary>Logs what was opened (call after configuring logging; opening happens on first use).</summary>
    public static void Describe(ILogger logger)
    {
        ArgumentNullException.ThrowIfNull(logger);
        foreach (var device in All)
        {
            logger.LogInformation("OpenCL {Device}", device);
        }

        if (UnavailableReason is { } reason)
        {
            logger.LogInformation("OpenCL unavailable: {Reason}", reason);
        }
    }

    private static readonly Lazy<(int Index, string? Problem)> Chosen = new(() =>
    {
        if (All.Count == 0)
        {
            return (-1, UnavailableReason);
        }

        int index = OpenClDeviceSelection.Choose([.. All.Select(d => d.Info)], out string? problem);
        return (index, problem);
    });

    private static (IReadOnlyList<OpenClDevice>, string?) OpenAll()
    {
        var discovery = OpenClDiscovery.Discover();
        var infos = discovery.Devices;
        if (infos.Count == 0)
        {
            return ([], discovery.Reason ?? "no OpenCL device was found.");
        }

        return ([.. infos.Select((info, index) => OpenClDevice.Open(info, index))], null);
    }
}
