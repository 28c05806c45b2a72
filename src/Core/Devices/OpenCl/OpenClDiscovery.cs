using System.Text;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Oompa.Core.Native;

namespace Oompa.Core.Devices.OpenCl;

/// <summary>
/// Lists the installed OpenCL platforms and their devices. A missing loader or driver is not an error here: the result
/// is empty and says why. Other OpenCL failures throw <see cref="NativeCallException"/> naming the call.
/// </summary>
public static unsafe class OpenClDiscovery
{
    /// <summary>The OpenCL loader library; reading it registers the library with <see cref="NativeLibraries"/>.</summary>
    public static NativeLibraryInfo Library => OpenClNative.Library;

    // The ICD loader and pocl initialise lazily on the first call and crash when two threads make it at once
    // (reproduced with ocl-icd 2.3 + pocl 3.1), so discovery runs one at a time.
    private static readonly Lock Gate = new();

    /// <summary>Discovers every platform and device.</summary>
    /// <param name="logger">Receives debug messages (cache directory, platforms found); none when null.</param>
    /// <remarks>Thread-safe: concurrent calls run one after another. Call it before any other OpenCL use.</remarks>
    public static OpenClDiscoveryResult Discover(ILogger? logger = null)
    {
        lock (Gate)
        {
            return DiscoverLocked(logger ?? NullLogger.Instance);
        }
    }

    private static OpenClDiscoveryResult DiscoverLocked(ILogger logger)
    {
        if (!NativeLibraries.TryLoad(Library, out _))
        {
            string reason = new NativeLibraryMissingException(Library).Message;
            logger.LogDebug("OpenCL unavailable: {Reason}", reason);
            return new OpenClDiscoveryResult([], reason);
        }

        var (cacheDirectory, setByOompa) = PoclCacheDirectory.Ensure();
        logger.LogDebug("{Variable}={Directory} ({Origin})", PoclCacheDirectory.Variable, cacheDirectory, setByOompa ? "set by Oompa" : "from the environment");

        uint count;
        int status = OpenClNative.clGetPlatformIDs(0, null, &count);
        if (status == OpenClError.PlatformNotFoundKhr || (status == OpenClError.Success && count == 0))
        {
            const string reason = "The OpenCL loader found no platform (no installed ICD driver; CL_PLATFORM_NOT_FOUND_KHR). " +
                "Install one, for example: apt-get install --no-install-recommends pocl-opencl-icd";
            logger.LogDebug("OpenCL unavailable: {Reason}", reason);
            return new OpenClDiscoveryResult([], reason);
        }

        OpenClError.ThrowIfFailed(status, nameof(OpenClNative.clGetPlatformIDs));
        var ids = new nint[count];
        fixed (nint* p = ids)
        {
            OpenClError.ThrowIfFailed(OpenClNative.clGetPlatformIDs(count, p, &count), nameof(OpenClNative.clGetPlatformIDs));
        }

        var platforms = new List<OpenClPlatformInfo>(ids.Length);
        foreach (nint id in ids.AsSpan(0, (int)Math.Min(count, (uint)ids.Length)))
        {
            var platform = DescribePlatform(id);
            logger.LogDebug("OpenCL platform {Platform} with {Devices} device(s)", platform, platform.Devices.Count);
            platforms.Add(platform);
        }

        return new OpenClDiscoveryResult(platforms, null);
    }

    private static OpenClPlatformInfo DescribePlatform(nint platform)
    {
        uint count;
        int status = OpenClNative.clGetDeviceIDs(platform, OpenClNative.DeviceTypeAll, 0, null, &count);
        var devices = new List<OpenClDeviceInfo>();
        if (status != OpenClError.DeviceNotFound)
        {
            OpenClError.ThrowIfFailed(status, nameof(OpenClNative.clGetDeviceIDs));
            var ids = new nint[count];
            fixed (nint* p = ids)
            {
                OpenClError.ThrowIfFailed(OpenClNative.clGetDeviceIDs(platform, OpenClNative.DeviceTypeAll, count, p, &count), nameof(OpenClNative.clGetDeviceIDs));
            }

            foreach (nint id in ids.AsSpan(0, (int)Math.Min(count, (uint)ids.Length)))
            {
                devices.Add(DescribeDevice(id));
            }
        }

        return new OpenClPlatformInfo(
            PlatformString(platform, OpenClNative.PlatformName),
            PlatformString(platform, OpenClNative.PlatformVendor),
            PlatformString(platform, OpenClNative.PlatformVersion),
            PlatformString(platform, OpenClNative.PlatformProfile),
            devices)
        { Handle = platform };
    }

    private static OpenClDeviceInfo DescribeDevice(nint device)
    {
        string[] extensions = DeviceString(device, OpenClNative.DeviceExtensions).Split(' ', StringSplitOptions.RemoveEmptyEntries);

        // CL_DEVICE_DOUBLE_FP_CONFIG is core since OpenCL 1.2; older devices answer CL_INVALID_VALUE and rely on the extension.
        ulong fpConfig = 0;
        int fpStatus = OpenClNative.clGetDeviceInfo(device, OpenClNative.DeviceDoubleFpConfig, sizeof(ulong), &fpConfig, null);
        bool doubles = extensions.Contains("cl_khr_fp64", StringComparer.Ordinal) || (fpStatus == OpenClError.Success && fpConfig != 0);

        return new OpenClDeviceInfo(
            DeviceString(device, OpenClNative.DeviceName),
            DeviceString(device, OpenClNative.DeviceVendor),
            (OpenClDeviceType)(int)DeviceValue<ulong>(device, OpenClNative.DeviceType),
            DeviceString(device, OpenClNative.DriverVersion),
            DeviceString(device, OpenClNative.DeviceVersion),
            (int)DeviceValue<uint>(device, OpenClNative.DeviceMaxComputeUnits),
            (long)DeviceValue<ulong>(device, OpenClNative.DeviceGlobalMemSize),
            (long)DeviceValue<nuint>(device, OpenClNative.DeviceMaxWorkGroupSize),
            (long)DeviceValue<ulong>(device, OpenClNative.DeviceMaxMemAllocSize),
            (long)DeviceValue<ulong>(device, OpenClNative.DeviceLocalMemSize),
            extensions)
        { Handle = device, SupportsDouble = doubles };
    }

    private static T DeviceValue<T>(nint device, uint param)
        where T : unmanaged
    {
        T value = default;
        OpenClError.ThrowIfFailed(OpenClNative.clGetDeviceInfo(device, param, (nuint)sizeof(T), &value, null), nameof(OpenClNative.clGetDeviceInfo));
        return value;
    }

    private static string DeviceString(nint device, uint param)
    {
        nuint size;
        OpenClError.ThrowIfFailed(OpenClNative.clGetDeviceInfo(device, param, 0, null, &size), nameof(OpenClNative.clGetDeviceInfo));
        var bytes = new byte[size];
        fixed (byte* p = bytes)
        {
            OpenClError.ThrowIfFailed(OpenClNative.clGetDeviceInfo(device, param, size, p, null), nameof(OpenClNative.clGetDeviceInfo));
        }

        return Decode(bytes);
    }

    private static string PlatformString(nint platform, uint param)
    {
        nuint size;
        OpenClError.ThrowIfFailed(OpenClNative.clGetPlatformInfo(platform, param, 0, null, &size), nameof(OpenClNative.clGetPlatformInfo));
        var bytes = new byte[size];
        fixed (byte* p = bytes)
        {
            OpenClError.ThrowIfFailed(OpenClNative.clGetPlatformInfo(platform, param, size, p, null), nameof(OpenClNative.clGetPlatformInfo));
        }

        return Decode(bytes);
    }

    private static string Decode(ReadOnlySpan<byte> bytes)
    {
        int end = bytes.IndexOf((byte)0);
        return Encoding.UTF8.GetString(end < 0 ? bytes : bytes[..end]).Trim();
    }
}
