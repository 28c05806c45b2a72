namespace Oompa.Core.Devices.OpenCl;

/// <summary>The kinds of OpenCL objects a device counts while they are alive.</summary>
public enum OpenClObjectKind
{
    /// <summary>A <c>cl_context</c>.</summary>
    Context,

    /// <summary>A <c>cl_command_queue</c>.</summary>
    Queue,

    /// <summary>A <c>cl_mem</c> buffer.</summary>
    Buffer,

    /// <summary>A <c>cl_program</c>.</summary>
    Program,

    /// <summary>A <c>cl_kernel</c>.</summary>
    Kernel,

    /// <summary>A <c>cl_event</c>.</summary>
    Event,
}
