namespace Oompa.Core.Data;

/// <summary>A payload seen without its descriptor type: what wrappers and runtimes need to validate and move it.</summary>
public interface IPayload
{
    /// <summary>A name for messages (for example <c>frames</c>).</summary>
    string Name { get; }

    /// <summary>The logical descriptor.</summary>
    ILogicalDescriptor Descriptor { get; }

    /// <summary>The physical descriptor.</summary>
    PhysicalDescriptor Physical { get; }

    /// <summary>Bytes the data needs: descriptor elements × element size.</summary>
    long RequiredBytes { get; }

    /// <summary>Whether the payload describes data without holding any.</summary>
    bool IsEmpty { get; }
}
