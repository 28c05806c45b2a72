namespace Oompa.Core.Native;

/// <summary>A native call returned a failure status. The message names the library, the call and the status.</summary>
public sealed class NativeCallException : InvalidOperationException
{
    /// <summary>Creates the exception.</summary>
    public NativeCallException(string library, string call, long status, string statusName)
        : base($"{library}: {call} failed with {statusName} ({status}).")
    {
        LibraryName = library;
        Call = call;
        Status = status;
        StatusName = statusName;
    }

    /// <summary>Creates the exception with a message.</summary>
    public NativeCallException(string message)
        : base(message)
    {
        LibraryName = Call = StatusName = string.Empty;
    }

    /// <summary>Creates the exception with a message and inner exception.</summary>
    public NativeCallException(string message, Exception inner)
        : base(message, inner)
    {
        LibraryName = Call = StatusName = string.Empty;
    }

    /// <summary>Creates the exception with no message.</summary>
    public NativeCallException()
        : this("A native call failed.")
    {
    }

    /// <summary>The library, for example <c>OpenCL</c>.</summary>
    public string LibraryName { get; }

    /// <summary>The failing call as written in the binding.</summary>
    public string Call { get; }

    /// <summary>The status code returned.</summary>
    public long Status { get; }

    /// <summary>The symbolic name of the status, for example <c>CL_OUT_OF_RESOURCES</c>.</summary>
    public string StatusName { get; }
}
