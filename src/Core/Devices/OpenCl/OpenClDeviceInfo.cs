namespace Oompa.Core.Devices.OpenCl;

/// <summary>What discovery learned about one OpenCL device.</summary>
/// <param name="Name">The device name (<c>CL_DEVICE_NAME</c>).</param>
/// <param name="Vendor">The device vendor (<c>CL_DEVICE_VENDOR</c>).</param>
/// <param name="Type">The device type bits (<c>CL_DEVICE_TYPE</c>).</param>
/// <param name="DriverVersion">The driver version (<c>CL_DRIVER_VERSION</c>).</param>
/// <param name="OpenClVersion">The OpenCL version the device supports (<c>CL_DEVICE_VERSION</c>), for example <c>OpenCL 3.0 PoCL ...</c>.</param>
/// <param name="ComputeUnits">Parallel compute units (<c>CL_DEVICE_MAX_COMPUTE_UNITS</c>).</param>
/// <param name="GlobalMemoryBytes">Global memory size in bytes (<c>CL_DEVICE_GLOBAL_MEM_SIZE</c>).</param>
/// <param name="MaxWorkGroupSize">Largest work-group size (<c>CL_DEVICE_MAX_WORK_GROUP_SIZE</c>).</param>
/// <param name="MaxAllocationBytes">Largest single buffer in bytes (<c>CL_DEVICE_MAX_MEM_ALLOC_SIZE</c>).</param>
/// <param name="LocalMemoryBytes">Local (work-group shared) memory in bytes (<c>CL_DEVICE_LOCAL_MEM_SIZE</c>).</param>
/// <param name="Extensions">The extensions the device reports (<c>CL_DEVICE_EXTENSIONS</c>).</param>
public sealed record OpenClDeviceInfo(
    string Name,
    string Vendor,
    OpenClDeviceType Type,
    string DriverVersion,
    string OpenClVersion,
    int ComputeUnits,
    long GlobalMemoryBytes,
    long MaxWorkGroupSize,
    long MaxAllocationBytes,
    long LocalMemoryBytes,
    IReadOnlyList<string> Extensions)
{
    /// <summary>The native <c>cl_device_id</c>, valid for the life of the process; used by the OpenCL backend.</summary>
    internal nint Handle { get; init; }

    /// <summary>Whether the device computes in double precision (<c>cl_khr_fp64</c> or a non-zero <c>CL_DEVICE_DOUBLE_FP_CONFIG</c>).</summary>
    public bool SupportsDouble { get; init; }

    /// <summary>Whether the device reports <paramref name="extension"/>, for example <c>cl_khr_fp16</c>.</summary>
    public bool HasExtension(string extension) => Extensions.Contains(extension, StringComparer.Ordinal);

    /// <summary>The main type as one word: <c>GPU</c>, <c>CPU</c>, <c>ACCELERATOR</c>, <c>CUSTOM</c> or <c>DEFAULT</c>.</summary>
    public string TypeName =>
        Type.HasFlag(OpenClDeviceType.Gpu) ? "GPU" :
        Type.HasFlag(OpenClDeviceType.Cpu) ? "CPU" :
        Type.HasFlag(OpenClDeviceType.Accelerator) ? "ACCELERATOR" :
        Type.HasFlag(OpenClDeviceType.Custom) ? "CUSTOM" :
        Type.HasFlag(OpenClDeviceType.Default) ? "DEFAULT" : "UNKNOWN";

    /// <summary>Formats as <c>name (type, N compute units)</c>.</summary>
    public override string ToString() => $"{Name} ({TypeName}, {ComputeUnits} compute units)";
}
