using Oompa.Core.Data;
using Oompa.Core.Memory;

namespace Oompa.Algorithms.Tests.Support;

/// <summary>
/// A host payload with guard zones before and after it, filled with a sentinel byte, so tests can prove that an
/// algorithm wrote nothing outside its output (and, with <see cref="AssertPaddingUntouched"/>, nothing into padding).
/// </summary>
public sealed class GuardedPayload<TDescriptor> : IDisposable
    where TDescriptor : class, ILogicalDescriptor
{
    public const byte Sentinel = 0xA5;
    private const int GuardBytes = 256;
    private readonly MemoryBlock block;

    public GuardedPayload(TDescriptor descriptor, DataType type, string name = "payload", IMemoryAllocator? allocator = null)
    {
        long bytes = descriptor.ElementCount * type.Size;
        block = (allocator ?? HostAllocator.Shared).Allocate(bytes + (2 * GuardBytes));
        AllBytes.Fill(Sentinel);
        Payload = new Payload<TDescriptor>(descriptor, new PhysicalDescriptor(block.Pointer + GuardBytes, null, bytes, type, MemoryNode.Host), name);
    }

    public Payload<TDescriptor> Payload { get; }

    private unsafe Span<byte> AllBytes => new((void*)block.Pointer, checked((int)block.Bytes));

    public Span<T> Span<T>()
        where T : unmanaged => Payload.AsSpan<T>();

    /// <summary>Element (x, y, z, n) of the current layout.</summary>
    public ref T At<T>(int x, int y = 0, int z = 0, int n = 0)
        where T : unmanaged => ref Span<T>()[checked((int)Payload.Descriptor.Layout.Offset(x, y, z, n))];

    /// <summary>Writes <paramref name="values"/> (logical order x fastest, then y, z, n) into the data elements.</summary>
    public void SetLogical<T>(ReadOnlySpan<T> values)
        where T : unmanaged
    {
        var layout = Payload.Descriptor.Layout;
        var span = Span<T>();
        int w = layout.Size.X;
        if (values.Length != layout.Size.Total)
        {
            throw new ArgumentException($"Expected {layout.Size.Total} values, got {values.Length}.", nameof(values));
        }

        for (long row = 0; row < layout.RowCount; row++)
        {
            values.Slice((int)(row * w), w).CopyTo(span.Slice((int)layout.RowStart(row), w));
        }
    }

    /// <summary>Reads the data elements in logical order (x fastest, then y, z, n).</summary>
    public T[] GetLogical<T>()
        where T : unmanaged
    {
        var layout = Payload.Descriptor.Layout;
        var span = Span<T>();
        int w = layout.Size.X;
        var result = new T[layout.Size.Total];
        for (long row = 0; row < layout.RowCount; row++)
        {
            span.Slice((int)layout.RowStart(row), w).CopyTo(result.AsSpan((int)(row * w), w));
        }

        return result;
    }

    public void AssertGuardsIntact()
    {
        var all = AllBytes;
        int before = all[..GuardBytes].IndexOfAnyExcept(Sentinel);
        Assert.True(before < 0, $"'{Payload.Name}': byte {before - GuardBytes} before the payload was overwritten.");
        int after = all[^GuardBytes..].IndexOfAnyExcept(Sentinel);
        Assert.True(after < 0, $"'{Payload.Name}': byte {after} after the payload was overwritten.");
    }

    /// <summary>Asserts that every byte outside the data elements of the current layout still holds the sentinel.</summary>
    public void AssertPaddingUntouched()
    {
        var layout = Payload.Descriptor.Layout;
        int elementSize = Payload.Physical.Type.Size;
        var data = AllBytes.Slice(GuardBytes, (int)(layout.ElementCount * elementSize));
        var isData = new bool[layout.ElementCount];
        for (long row = 0; row < layout.RowCount; row++)
        {
            Array.Fill(isData, true, (int)layout.RowStart(row), layout.Size.X);
        }

        for (int e = 0; e < isData.Length; e++)
        {
            if (!isData[e])
            {
                int bad = data.Slice(e * elementSize, elementSize).IndexOfAnyExcept(Sentinel);
                Assert.True(bad < 0, $"'{Payload.Name}': padding element {e} was overwritten.");
            }
        }
    }

    public void Dispose() => block.Dispose();
}
