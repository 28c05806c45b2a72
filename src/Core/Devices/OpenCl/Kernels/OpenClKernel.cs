namespace Oompa.Core.Devices.OpenCl;

/// <summary>A kernel function with its arguments; launch it with <see cref="OpenClQueue.Launch"/>.</summary>
public sealed unsafe class OpenClKernel : IDisposable
{
    private readonly OpenClHandle handle;

    internal OpenClKernel(OpenClProgram program, nint kernel, string name)
    {
        Program = program;
        Name = name;
        handle = new OpenClHandle(kernel, OpenClObjectKind.Kernel, program.Device.Objects);
    }

    /// <summary>The program the kernel belongs to.</summary>
    public OpenClProgram Program { get; }

    /// <summary>The kernel function's name.</summary>
    public string Name { get; }

    /// <summary>The native <c>cl_kernel</c>.</summary>
    public nint NativeHandle => handle.Value;

    /// <summary>The largest work-group this kernel can run with on its device.</summary>
    public long MaxWorkGroupSize => (long)WorkGroupInfo<nuint>(OpenClNative.KernelWorkGroupSize);

    /// <summary>The work-group size multiple the device prefers (warp or SIMD width).</summary>
    public long PreferredWorkGroupMultiple => (long)WorkGroupInfo<nuint>(OpenClNative.KernelPreferredWorkGroupSizeMultiple);

    /// <summary>Sets argument <paramref name="index"/> to a buffer.</summary>
    public OpenClKernel Set(int index, OpenClBuffer buffer)
    {
        ArgumentNullException.ThrowIfNull(buffer);
        nint mem = buffer.NativeHandle;
        return SetRaw(index, (nuint)sizeof(nint), &mem);
    }

    /// <summary>Sets argument <paramref name="index"/> to a scalar or struct value (it must match the kernel's type).</summary>
    public OpenClKernel Set<T>(int index, T value)
        where T : unmanaged => SetRaw(index, (nuint)sizeof(T), &value);

    /// <summary>Sets argument <paramref name="index"/>, a <c>__local</c> pointer, to <paramref name="bytes"/> of local memory.</summary>
    public OpenClKernel SetLocal(int index, long bytes)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(bytes, 1);
        return SetRaw(index, (nuint)bytes, null);
    }

    /// <inheritdoc />
    public void Dispose() => handle.Dispose();

    /// <summary>Formats as <c>name in program</c>.</summary>
    public override string ToString() => $"{Name} in {Program}";

    private OpenClKernel SetRaw(int index, nuint size, void* value)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        OpenClError.ThrowIfFailed(OpenClNative.clSetKernelArg(handle.Value, (uint)index, size, value), $"clSetKernelArg ({Name}, argument {index})");
        return this;
    }

    private T WorkGroupInfo<T>(uint param)
        where T : unmanaged
    {
        T value;
        OpenClError.ThrowIfFailed(OpenClNative.clGetKernelWorkGroupInfo(handle.Value, Program.Device.NativeDevice, param, (nuint)sizeof(T), &value, null), "clGetKernelWorkGroupInfo");
        return value;
    }
}
