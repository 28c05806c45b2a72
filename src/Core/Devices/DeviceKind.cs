namespace Oompa.Core.Devices;

/// <summary>What kind of processor a device is.</summary>
public enum DeviceKind
{
    /// <summary>The host CPU.</summary>
    Cpu,

    /// <summary>A GPU or other accelerator.</summary>
    Accelerator,
}
