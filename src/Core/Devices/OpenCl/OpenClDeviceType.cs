namespace Oompa.Core.Devices.OpenCl;

/// <summary>The kind of an OpenCL device (<c>CL_DEVICE_TYPE</c>); a device may report more than one bit.</summary>
[Flags]
#pragma warning disable CA1711 // "Type" is part of the OpenCL name CL_DEVICE_TYPE.
public enum OpenClDeviceType
#pragma warning restore CA1711
{
    /// <summary>No type bit set.</summary>
    None = 0,

    /// <summary><c>CL_DEVICE_TYPE_DEFAULT</c>.</summary>
    Default = 1 << 0,

    /// <summary><c>CL_DEVICE_TYPE_CPU</c>: a host processor (for example pocl).</summary>
    Cpu = 1 << 1,

    /// <summary><c>CL_DEVICE_TYPE_GPU</c>.</summary>
    Gpu = 1 << 2,

    /// <summary><c>CL_DEVICE_TYPE_ACCELERATOR</c>: a dedicated accelerator such as an FPGA.</summary>
    Accelerator = 1 << 3,

    /// <summary><c>CL_DEVICE_TYPE_CUSTOM</c>: a device without full OpenCL C support.</summary>
    Custom = 1 << 4,
}
