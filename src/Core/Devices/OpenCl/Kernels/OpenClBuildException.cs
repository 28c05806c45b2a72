namespace Oompa.Core.Devices.OpenCl;

/// <summary>An OpenCL program failed to compile; the message carries the compiler's log.</summary>
public sealed class OpenClBuildException : Exception
{
    /// <summary>Creates the exception.</summary>
    public OpenClBuildException(string source, string device, string options, string log)
        : base($"OpenCL program '{source}' failed to build for {device} with options '{options}':{Environment.NewLine}{log}")
    {
        ProgramName = source;
        Device = device;
        Options = options;
        Log = log;
    }

    /// <summary>Creates the exception with a message.</summary>
    public OpenClBuildException(string message)
        : this(message, string.Empty, string.Empty, string.Empty)
    {
    }

    /// <summary>Creates the exception with a message and inner exception.</summary>
    public OpenClBuildException(string message, Exception inner)
        : base(message, inner)
    {
        ProgramName = message;
        Device = Options = Log = string.Empty;
    }

    /// <summary>Creates the exception with no message.</summary>
    public OpenClBuildException()
        : this("An OpenCL program failed to build.")
    {
    }

    /// <summary>The program's name.</summary>
    public string ProgramName { get; }

    /// <summary>The device it was built for.</summary>
    public string Device { get; }

    /// <summary>The build options.</summary>
    public string Options { get; }

    /// <summary>The compiler log.</summary>
    public string Log { get; }
}
