using System.Text;

namespace Oompa.Core.Devices.OpenCl;

/// <summary>
/// A program built for one device with one set of options. Programs are owned by the device's
/// <see cref="OpenClProgramCache"/> and shared; create a kernel per user with <see cref="CreateKernel"/> (kernel arguments
/// are per object, so two threads must not share one kernel).
/// </summary>
public sealed unsafe class OpenClProgram : IDisposable
{
    private readonly OpenClHandle handle;

    internal OpenClProgram(OpenClDevice device, nint program, OpenClKernelSource source, OpenClBuildOptions options, bool fromBinary)
    {
        Device = device;
        handle = new OpenClHandle(program, OpenClObjectKind.Program, device.Objects);
        Source = source;
        Options = options;
        FromBinary = fromBinary;
    }

    /// <summary>The device it was built for.</summary>
    public OpenClDevice Device { get; }

    /// <summary>The source it was built from.</summary>
    public OpenClKernelSource Source { get; }

    /// <summary>The definitions it was built with.</summary>
    public OpenClBuildOptions Options { get; }

    /// <summary>Whether it was loaded from the on-disk binary cache rather than compiled from source.</summary>
    public bool FromBinary { get; }

    internal nint NativeHandle => handle.Value;

    /// <summary>Creates a kernel object for the function <paramref name="name"/>.</summary>
    /// <exception cref="Oompa.Core.Native.NativeCallException">The program has no such kernel.</exception>
    public OpenClKernel CreateKernel(string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        byte[] bytes = Encoding.ASCII.GetBytes(name + "\0");
        int error;
        nint kernel;
        fixed (byte* p = bytes)
        {
            kernel = OpenClNative.clCreateKernel(handle.Value, p, &error);
        }

        OpenClError.ThrowIfFailed(error, $"clCreateKernel ({name} in {Source})");
        return new OpenClKernel(this, kernel, name);
    }

    /// <summary>Releases the program (the cache does this when the device is disposed).</summary>
    public void Dispose() => handle.Dispose();

    /// <summary>Formats as <c>source [options]</c>.</summary>
    public override string ToString() => $"{Source} [{Options}]";
}
