namespace Oompa.Core.Data;

/// <summary>Kinds of memory a payload's bytes may live in.</summary>
public enum MemoryNodeKind
{
    /// <summary>Ordinary host memory addressable by the CPU.</summary>
    Host,

    /// <summary>Memory of an accelerator, addressed through an opaque handle.</summary>
    Device,

    /// <summary>Memory whose placement is managed by the task runtime; the runtime resolves it per task.</summary>
    RuntimeManaged,
}
