using System.Runtime.InteropServices;
using Oompa.Core.Native;

namespace Oompa.Core.Devices.OpenCl;

/// <summary>
/// Thin P/Invoke binding of the OpenCL ICD loader (<c>libOpenCL.so.1</c>). Only discovery calls so far; contexts, queues,
/// buffers and kernels are added here as further partial methods. Every call returns a CL status that callers pass to
/// <see cref="OpenClError.ThrowIfFailed"/>.
/// </summary>
internal static unsafe partial class OpenClNative
{
    /// <summary>The bare name used in the imports below; the resolver maps it to <c>libOpenCL.so.1</c>.</summary>
    internal const string LibraryName = "OpenCL";

    internal const uint PlatformProfile = 0x0900;
    internal const uint PlatformVersion = 0x0901;
    internal const uint PlatformName = 0x0902;
    internal const uint PlatformVendor = 0x0903;

    internal const ulong DeviceTypeAll = 0xFFFFFFFF;

    internal const uint DeviceType = 0x1000;
    internal const uint DeviceMaxComputeUnits = 0x1002;
    internal const uint DeviceMaxWorkGroupSize = 0x1004;
    internal const uint DeviceMaxMemAllocSize = 0x1010;
    internal const uint DeviceGlobalMemSize = 0x101F;
    internal const uint DeviceLocalMemSize = 0x1023;
    internal const uint DeviceName = 0x102B;
    internal const uint DeviceVendor = 0x102C;
    internal const uint DriverVersion = 0x102D;
    internal const uint DeviceVersion = 0x102F;
    internal const uint DeviceExtensions = 0x1030;
    internal const uint DeviceDoubleFpConfig = 0x1032;

    static OpenClNative()
    {
        Library = NativeLibraries.Register(new NativeLibraryInfo(LibraryName, ["libOpenCL.so.1"], "ocl-icd-libopencl1", "OpenCL loader"));
        NativeLibraries.InstallResolver(typeof(OpenClNative).Assembly);
    }

    /// <summary>The registered OpenCL loader library.</summary>
    internal static NativeLibraryInfo Library { get; }

    [LibraryImport(LibraryName)]
    internal static partial int clGetPlatformIDs(uint numEntries, nint* platforms, uint* numPlatforms);

    [LibraryImport(LibraryName)]
    internal static partial int clGetPlatformInfo(nint platform, uint paramName, nuint valueSize, void* value, nuint* valueSizeRet);

    [LibraryImport(LibraryName)]
    internal static partial int clGetDeviceIDs(nint platform, ulong deviceType, uint numEntries, nint* devices, uint* numDevices);

    [LibraryImport(LibraryName)]
    internal static partial int clGetDeviceInfo(nint device, uint paramName, nuint valueSize, void* value, nuint* valueSizeRet);
}
