namespace Oompa.Core.Devices.OpenCl;

/// <summary>The outcome of <see cref="OpenClDiscovery.Discover"/>: the platforms found, or why there are none.</summary>
/// <param name="Platforms">The platforms found; empty when OpenCL is unavailable.</param>
/// <param name="Reason">Why no platform was found (missing loader, no installed driver); null when some were found.</param>
public sealed record OpenClDiscoveryResult(IReadOnlyList<OpenClPlatformInfo> Platforms, string? Reason)
{
    /// <summary>Every device of every platform, in discovery order.</summary>
    public IReadOnlyList<OpenClDeviceInfo> Devices => [.. Platforms.SelectMany(p => p.Devices)];

    /// <summary>Whether at least one platform was found.</summary>
    public bool Available => Platforms.Count > 0;
}
