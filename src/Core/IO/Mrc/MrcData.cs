using Oompa.Core.Data;

namespace Oompa.Core.IO.Mrc;

/// <summary>The contents of an MRC file: its header and its data in X-fastest order.</summary>
/// <typeparam name="T"><see cref="float"/> for real modes, <see cref="ComplexF"/> for mode 4.</typeparam>
public sealed class MrcData<T>
    where T : unmanaged
{
    /// <summary>Pairs a header with data; the data must hold <c>Header.DataSize.Total</c> elements.</summary>
    /// <exception cref="ArgumentException">The data length does not match the header's shape.</exception>
    public MrcData(MrcHeader header, T[] data)
    {
        ArgumentNullException.ThrowIfNull(header);
        ArgumentNullException.ThrowIfNull(data);
        Size = header.DataSize;
        if (data.LongLength != Size.Total)
        {
            throw new ArgumentException($"The data holds {data.LongLength} elements; the header's shape {Size} needs {Size.Total}.", nameof(data));
        }

        Header = header;
        Data = data;
    }

    /// <summary>The file's header (counts and axis order as stored in the file).</summary>
    public MrcHeader Header { get; }

    /// <summary>Shape of <see cref="Data"/>: X × Y × Z × N, X fastest (N counts images of a stack).</summary>
    public Size Size { get; }

    /// <summary>The values in X-fastest order, converted from the file's mode.</summary>
#pragma warning disable CA1819 // The array is the payload; callers pin or slice it without copies.
    public T[] Data { get; }
#pragma warning restore CA1819

    /// <summary>Pixel size in ångström (<see cref="MrcHeader.PixelSize"/>).</summary>
    public float PixelSize => Header.PixelSize;
}
