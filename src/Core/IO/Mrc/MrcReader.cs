using System.Buffers;
using System.Globalization;
using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;
using Oompa.Core.Data;

namespace Oompa.Core.IO.Mrc;

/// <summary>
/// An open MRC file: its validated header and positional reads of its data, converted to 32-bit floats (or
/// <see cref="ComplexF"/> for mode 4). Reads of a section range touch only those bytes, so frames of a movie far larger
/// than memory can be read one batch at a time. Reads are thread-safe.
/// </summary>
public sealed class MrcReader : IDisposable
{
    private const int ChunkScalars = 1 << 18;
    private readonly SafeFileHandle handle;

    private MrcReader(string path, SafeFileHandle handle, MrcHeader header)
    {
        Path = path;
        this.handle = handle;
        Header = header;
    }

    /// <summary>The file's path.</summary>
    public string Path { get; }

    /// <summary>The validated header.</summary>
    public MrcHeader Header { get; }

    /// <summary>Opens a file and validates its header and length.</summary>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    /// <exception cref="InvalidDataException">Not an MRC file, unsupported mode, invalid dimensions or axis order, or a
    /// file shorter than its header, extended header and data.</exception>
    public static MrcReader Open(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var handle = File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.Read);
        try
        {
            long length = RandomAccess.GetLength(handle);
            Span<byte> bytes = stackalloc byte[MrcHeader.Length];
            int read = ReadAtMost(handle, bytes, 0);
            var header = MrcHeaderCodec.Parse(bytes[..read], path);
            long expected = header.DataOffset + header.DataBytes;
            if (length < expected)
            {
                throw new InvalidDataException(string.Create(CultureInfo.InvariantCulture,
                    $"'{path}' is truncated: {header.Nx}×{header.Ny}×{header.Nz} elements of mode {(int)header.Mode} ({header.BytesPerElement} bytes each) " +
                    $"after {MrcHeader.Length} header bytes and {header.Nsymbt} extended-header bytes need {expected} bytes, but the file has {length}."));
            }

            return new MrcReader(path, handle, header);
        }
        catch
        {
            handle.Dispose();
            throw;
        }
    }

    /// <summary>Reads <paramref name="count"/> sections from <paramref name="first"/> (0-based) of real data into
    /// <paramref name="destination"/>, which must hold exactly <c>count · Nx · Ny</c> values.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The range is outside the file or the destination has the wrong length.</exception>
    /// <exception cref="InvalidOperationException">The file holds complex data or has a non-standard axis order.</exception>
    public void ReadSections(int first, int count, Span<float> destination)
    {
        CheckSections(first, count, destination.Length, complex: false);
        ReadScalars(first * Header.SectionElements, destination);
    }

    /// <summary>Reads <paramref name="count"/> sections of complex (mode 4) data; see <see cref="ReadSections(int, int, Span{float})"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The range is outside the file or the destination has the wrong length.</exception>
    /// <exception cref="InvalidOperationException">The file holds real data or has a non-standard axis order.</exception>
    public void ReadSections(int first, int count, Span<ComplexF> destination)
    {
        CheckSections(first, count, destination.Length, complex: true);
        ReadScalars(first * Header.SectionElements * 2, MemoryMarshal.Cast<ComplexF, float>(destination));
    }

    /// <summary>Reads all real data in X-fastest order (shape <see cref="MrcHeader.DataSize"/>).</summary>
    /// <exception cref="InvalidOperationException">The file holds complex data, or more values than an array can hold.</exception>
    public float[] ReadAll()
    {
        RequireComplex(false);
        var raw = new float[ArrayLength(1)];
        ReadScalars(0, raw);
        return Header.HasStandardAxisOrder ? raw : MrcAxisOrder.ToXFastest(raw, Header);
    }

    /// <summary>Reads all complex (mode 4) data in X-fastest order.</summary>
    /// <exception cref="InvalidOperationException">The file holds real data, or more values than an array can hold.</exception>
    public ComplexF[] ReadAllComplex()
    {
        RequireComplex(true);
        var raw = new ComplexF[ArrayLength(2)];
        ReadScalars(0, MemoryMarshal.Cast<ComplexF, float>(raw.AsSpan()));
        return Header.HasStandardAxisOrder ? raw : MrcAxisOrder.ToXFastest(raw, Header);
    }

    /// <summary>Closes the file.</summary>
    public void Dispose() => handle.Dispose();

    private void ReadScalars(long firstScalar, Span<float> destination)
    {
        int scalarBytes = MrcModes.BytesPerScalar(Header.Mode);
        long offset = Header.DataOffset + (firstScalar * scalarBytes);
        bool direct = scalarBytes == 4 && Header.IsBigEndian == !BitConverter.IsLittleEndian;
        byte[]? buffer = direct ? null : ArrayPool<byte>.Shared.Rent(ChunkScalars * scalarBytes);
        try
        {
            for (int done = 0; done < destination.Length;)
            {
                int n = Math.Min(ChunkScalars, destination.Length - done);
                var target = destination.Slice(done, n);
                if (direct)
                {
                    ReadExactly(MemoryMarshal.AsBytes(target), offset);
                }
                else
                {
                    var bytes = buffer.AsSpan(0, n * scalarBytes);
                    ReadExactly(bytes, offset);
                    MrcSampleCodec.Decode(Header.Mode, Header.IsBigEndian, Header.Int8IsUnsigned, bytes, target);
                }

                done += n;
                offset += (long)n * scalarBytes;
            }
        }
        finally
        {
            if (buffer is not null)
            {
                ArrayPool<byte>.Shared.Return(buffer);
            }
        }
    }

    private void ReadExactly(Span<byte> bytes, long offset)
    {
        int read = ReadAtMost(handle, bytes, offset);
        if (read < bytes.Length)
        {
            throw new InvalidDataException(string.Create(CultureInfo.InvariantCulture,
                $"'{Path}' ended at byte {offset + read} while reading {bytes.Length} bytes from {offset}: the file was truncated after it was opened."));
        }
    }

    private static int ReadAtMost(SafeFileHandle handle, Span<byte> bytes, long offset)
    {
        int total = 0;
        while (total < bytes.Length)
        {
            int n = RandomAccess.Read(handle, bytes[total..], offset + total);
            if (n == 0)
            {
                break;
            }

            total += n;
        }

        return total;
    }

    private void CheckSections(int first, int count, int destinationLength, bool complex)
    {
        RequireComplex(complex);
        if (!Header.HasStandardAxisOrder)
        {
            throw new InvalidOperationException($"'{Path}' has axis order {Header.MapC},{Header.MapR},{Header.MapS}; section ranges are read only in the standard order 1,2,3 — read the whole file instead.");
        }

        ArgumentOutOfRangeException.ThrowIfNegative(first);
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        if ((long)first + count > Header.Nz)
        {
            throw new ArgumentOutOfRangeException(nameof(count), $"Sections {first}..{(long)first + count - 1} are outside '{Path}', which has {Header.Nz} sections.");
        }

        long expected = count * Header.SectionElements;
        if (destinationLength != expected)
        {
            throw new ArgumentOutOfRangeException("destination", $"The destination holds {destinationLength} elements; {count} sections of {Header.Nx}×{Header.Ny} need {expected}.");
        }
    }

    private void RequireComplex(bool complex)
    {
        if (MrcModes.IsComplex(Header.Mode) != complex)
        {
            throw new InvalidOperationException(complex
                ? $"'{Path}' holds real data (mode {(int)Header.Mode}, {Header.Mode}); read it as float."
                : $"'{Path}' holds complex data (mode 4); read it with the complex overloads (ReadAllComplex, MrcFile.ReadComplex).");
        }
    }

    private int ArrayLength(int scalarsPerElement)
    {
        long elements = Header.SectionElements * Header.Nz;
        if (elements * scalarsPerElement > Array.MaxLength)
        {
            throw new InvalidOperationException($"'{Path}' holds {elements} elements, more than one array can hold; read it in section ranges with ReadSections.");
        }

        return (int)elements;
    }
}
