namespace Oompa.Core.Data;

/// <summary>
/// A buffer that knows what it means: a logical descriptor, a physical descriptor and a name for messages.
/// Payloads never own memory; allocators and runtimes do.
/// </summary>
/// <typeparam name="TDescriptor">The logical descriptor type.</typeparam>
/// <param name="Descriptor">What the data means.</param>
/// <param name="Physical">Where the bytes are.</param>
/// <param name="Name">A name for messages.</param>
public sealed record Payload<TDescriptor>(TDescriptor Descriptor, PhysicalDescriptor Physical, string Name = "payload") : IPayload
    where TDescriptor : class, ILogicalDescriptor
{
    /// <inheritdoc />
    ILogicalDescriptor IPayload.Descriptor => Descriptor;

    /// <inheritdoc />
    public long RequiredBytes => checked(Descriptor.ElementCount * Physical.Type.Size);

    /// <inheritdoc />
    public bool IsEmpty => Physical.IsEmpty;

    /// <summary>A payload that describes data of the given type without holding any (for <c>Init</c>).</summary>
    public static Payload<TDescriptor> Describe(TDescriptor descriptor, DataType type, string name = "payload") =>
        new(descriptor, PhysicalDescriptor.Empty(type), name);

    /// <summary>The same payload without data.</summary>
    public Payload<TDescriptor> WithoutData() => this with { Physical = Physical.WithoutData() };

    /// <summary>The same bytes reinterpreted by another descriptor of the same type (for example after an FFT).</summary>
    public Payload<TOther> WithDescriptor<TOther>(TOther descriptor, DataType? type = null)
        where TOther : class, ILogicalDescriptor =>
        new(descriptor, type is { } t ? Physical with { Type = t } : Physical, Name);

    /// <summary>
    /// Symmetric equivalence: equal logical descriptors and equal element types. Pointers, handles and byte counts are
    /// not compared, so a payload is equivalent to its data-less description.
    /// </summary>
    public bool IsEquivalentTo(Payload<TDescriptor> other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return Descriptor.Equals(other.Descriptor) && Physical.Type == other.Physical.Type;
    }

    /// <summary>
    /// A span over host data. The payload must live on the host, hold <typeparamref name="T"/> elements and at least
    /// <see cref="RequiredBytes"/> bytes.
    /// </summary>
    /// <exception cref="InvalidOperationException">The payload is empty, not on the host, of another type, or too small.</exception>
    public unsafe Span<T> AsSpan<T>()
        where T : unmanaged
    {
        if (!Physical.Node.IsHost || Physical.Pointer == 0)
        {
            throw new InvalidOperationException($"Payload '{Name}' has no host data (node {Physical.Node}, pointer {(Physical.Pointer == 0 ? "null" : "set")}).");
        }

        if (sizeof(T) != Physical.Type.Size || (Physical.Type.Kind != DataTypeKind.Struct && !Physical.Type.Is<T>()))
        {
            throw new InvalidOperationException($"Payload '{Name}' holds {Physical.Type}, not {typeof(T).Name}.");
        }

        long count = Descriptor.ElementCount;
        if (Physical.Bytes < RequiredBytes)
        {
            throw new InvalidOperationException($"Payload '{Name}' declares {Physical.Bytes} bytes but its descriptor needs {RequiredBytes}.");
        }

        if (count > int.MaxValue)
        {
            throw new InvalidOperationException($"Payload '{Name}' has {count} elements, more than one span can address; process it per signal.");
        }

        return new Span<T>((void*)Physical.Pointer, (int)count);
    }

    /// <summary>Formats as <c>'name' descriptor type@node</c>.</summary>
    public override string ToString() => $"'{Name}' {Descriptor} {Physical.Type}@{Physical.Node}";
}
