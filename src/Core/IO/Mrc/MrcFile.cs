using System.Runtime.InteropServices;
using Oompa.Core.Data;

namespace Oompa.Core.IO.Mrc;

/// <summary>
/// Reads and writes MRC2014 files (modes 0, 1, 2, 4, 6, 12; images, image stacks, volumes; either byte order on read;
/// extended headers skipped; any axis order on whole-file reads). Data is returned in X-fastest order as 32-bit floats,
/// or as <see cref="ComplexF"/> for mode 4. Writes are atomic: a temporary file in the destination's directory is
/// renamed into place only when complete. For files too large to read whole, use <see cref="MrcReader"/> or
/// <see cref="ReadSections"/>; to write a stack piece by piece, use <see cref="MrcStackWriter"/>.
/// </summary>
/// <remarks>Errors in a file's content throw <see cref="InvalidDataException"/> naming the file and the problem.</remarks>
public static class MrcFile
{
    /// <summary>Reads and validates the header only.</summary>
    /// <exception cref="InvalidDataException">The file is not a usable MRC file (see <see cref="MrcReader.Open"/>).</exception>
    public static MrcHeader ReadHeader(string path)
    {
        using var reader = MrcReader.Open(path);
        return reader.Header;
    }

    /// <summary>Reads a file of real data whole.</summary>
    /// <exception cref="InvalidDataException">The file is not a usable MRC file.</exception>
    /// <exception cref="InvalidOperationException">The file holds complex data (use <see cref="ReadComplex"/>).</exception>
    public static MrcData<float> Read(string path)
    {
        using var reader = MrcReader.Open(path);
        return new MrcData<float>(reader.Header, reader.ReadAll());
    }

    /// <summary>Reads a file of complex (mode 4) data whole.</summary>
    /// <exception cref="InvalidDataException">The file is not a usable MRC file.</exception>
    /// <exception cref="InvalidOperationException">The file holds real data (use <see cref="Read"/>).</exception>
    public static MrcData<ComplexF> ReadComplex(string path)
    {
        using var reader = MrcReader.Open(path);
        return new MrcData<ComplexF>(reader.Header, reader.ReadAllComplex());
    }

    /// <summary>Reads <paramref name="count"/> sections (frames) from <paramref name="first"/> (0-based) of real data
    /// without reading the rest of the file; the destination must hold exactly <c>count · Nx · Ny</c> values.</summary>
    /// <exception cref="InvalidDataException">The file is not a usable MRC file.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The range or destination length is wrong.</exception>
    /// <exception cref="InvalidOperationException">The file is complex or has a non-standard axis order.</exception>
    public static void ReadSections(string path, int first, int count, Span<float> destination)
    {
        using var reader = MrcReader.Open(path);
        reader.ReadSections(first, count, destination);
    }

    /// <summary>Writes real data of the given X-fastest shape atomically, computing min, max, mean and RMS.</summary>
    /// <param name="path">Destination; replaced only when the whole file is written.</param>
    /// <param name="data">The values, X fastest; <c>size.Total</c> of them.</param>
    /// <param name="size">Z = 1 writes an image or image stack of N images; N = 1 a volume; both above 1 a stack of volumes.</param>
    /// <param name="options">Pixel size, mode (default Float32), origin, labels.</param>
    /// <exception cref="ArgumentException">The length does not match, an option is invalid, or an integer mode cannot
    /// store a value (nothing is left on disk).</exception>
    public static void Write(string path, ReadOnlySpan<float> data, Size size, MrcWriteOptions? options = null)
    {
        options ??= new MrcWriteOptions();
        var mode = options.Resolve(complex: false);
        CheckLength(data.Length, size);
        using var output = new MrcOutput(path, mode);
        output.Append(data);
        output.Commit(size, options);
    }

    /// <summary>Writes complex data (mode 4) atomically; statistics are over amplitudes.</summary>
    /// <param name="path">Destination; replaced only when the whole file is written.</param>
    /// <param name="data">The values, X fastest; <c>size.Total</c> of them.</param>
    /// <param name="size">The shape, as for the real overload.</param>
    /// <param name="options">Pixel size, origin, labels; the mode must be null or Complex32.</param>
    /// <exception cref="ArgumentException">The length does not match or an option is invalid.</exception>
    public static void Write(string path, ReadOnlySpan<ComplexF> data, Size size, MrcWriteOptions? options = null)
    {
        options ??= new MrcWriteOptions();
        var mode = options.Resolve(complex: true);
        CheckLength(data.Length, size);
        using var output = new MrcOutput(path, mode);
        output.Append(MemoryMarshal.Cast<ComplexF, float>(data));
        output.Commit(size, options);
    }

    private static void CheckLength(int length, Size size)
    {
        if (length != size.Total)
        {
            throw new ArgumentException($"The data holds {length} elements; the shape {size} needs {size.Total}.", "data");
        }
    }
}
