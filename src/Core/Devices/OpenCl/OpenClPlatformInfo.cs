namespace Oompa.Core.Devices.OpenCl;

/// <summary>What discovery learned about one OpenCL platform (one installed driver) and its devices.</summary>
/// <param name="Name">The platform name (<c>CL_PLATFORM_NAME</c>), for example <c>Portable Computing Language</c>.</param>
/// <param name="Vendor">The platform vendor (<c>CL_PLATFORM_VENDOR</c>).</param>
/// <param name="Version">The platform version (<c>CL_PLATFORM_VERSION</c>).</param>
/// <param name="Profile"><c>FULL_PROFILE</c> or <c>EMBEDDED_PROFILE</c> (<c>CL_PLATFORM_PROFILE</c>).</param>
/// <param name="Devices">Every device of the platform, of any type; empty when the platform has none.</param>
public sealed record OpenClPlatformInfo(string Name, string Vendor, string Version, string Profile, IReadOnlyList<OpenClDeviceInfo> Devices)
{
    /// <summary>The native <c>cl_platform_id</c>, valid for the life of the process; used by the OpenCL backend.</summary>
    internal nint Handle { get; init; }

    /// <summary>Formats as <c>name (version)</c>.</summary>
    public override string ToString() => $"{Name} ({Version})";
}
