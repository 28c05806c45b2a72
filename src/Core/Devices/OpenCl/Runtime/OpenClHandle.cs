using Microsoft.Win32.SafeHandles;

namespace Oompa.Core.Devices.OpenCl;

/// <summary>Owns one OpenCL object and releases it with the matching <c>clReleaseXxx</c> call, counted per device.</summary>
internal sealed class OpenClHandle : SafeHandleZeroOrMinusOneIsInvalid
{
    private readonly OpenClObjectCounters? counters;

    internal OpenClHandle(nint handle, OpenClObjectKind kind, OpenClObjectCounters? counters)
        : base(ownsHandle: true)
    {
        SetHandle(handle);
        Kind = kind;
        this.counters = counters;
        counters?.Created(kind);
    }

    internal OpenClObjectKind Kind { get; }

    /// <summary>The raw handle; throws when the object has been released.</summary>
    internal nint Value
    {
        get
        {
            ObjectDisposedException.ThrowIf(IsClosed, this);
            return handle;
        }
    }

    protected override bool ReleaseHandle()
    {
        int status = Kind switch
        {
            OpenClObjectKind.Context => OpenClNative.clReleaseContext(handle),
            OpenClObjectKind.Queue => OpenClNative.clReleaseCommandQueue(handle),
            OpenClObjectKind.Buffer => OpenClNative.clReleaseMemObject(handle),
            OpenClObjectKind.Program => OpenClNative.clReleaseProgram(handle),
            OpenClObjectKind.Kernel => OpenClNative.clReleaseKernel(handle),
            _ => OpenClNative.clReleaseEvent(handle),
        };
        counters?.Released(Kind);
        return status == OpenClError.Success;
    }
}
