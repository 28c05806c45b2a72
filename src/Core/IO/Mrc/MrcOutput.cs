using System.Globalization;
using System.Numerics;
using Oompa.Core.Data;

namespace Oompa.Core.IO.Mrc;

/// <summary>
/// The shared machinery of the MRC writers: an atomic temporary file that starts with a placeholder header, chunked
/// encoding of scalars with running statistics, and a final header written at <see cref="Commit"/> before the rename.
/// </summary>
internal sealed class MrcOutput : IDisposable
{
    private const int ChunkScalars = 1 << 16;
    private readonly AtomicFileWriter file;
    private readonly byte[] bytes;
    private readonly float[] stored;
    private MrcStatistics statistics;

    public MrcOutput(string path, MrcMode mode)
    {
        Mode = mode;
        file = new AtomicFileWriter(path);
        bytes = new byte[ChunkScalars * MrcModes.BytesPerScalar(mode)];
        stored = new float[ChunkScalars];
        file.Stream.Write(new byte[MrcHeader.Length]);
    }

    /// <summary>The mode being written.</summary>
    public MrcMode Mode { get; }

    /// <summary>Scalars written so far (two per complex element).</summary>
    public long ScalarsWritten { get; private set; }

    /// <summary>Encodes and appends scalars (an even count for complex data).</summary>
    public void Append(ReadOnlySpan<float> scalars)
    {
        int scalarBytes = MrcModes.BytesPerScalar(Mode);
        int perStored = MrcModes.IsComplex(Mode) ? 2 : 1;
        for (int done = 0; done < scalars.Length;)
        {
            int n = Math.Min(ChunkScalars, scalars.Length - done);
            var target = bytes.AsSpan(0, n * scalarBytes);
            var values = stored.AsSpan(0, n / perStored);
            MrcSampleCodec.Encode(Mode, scalars.Slice(done, n), target, values, (ScalarsWritten + done) / perStored);
            statistics.Add(values);
            file.Stream.Write(target);
            done += n;
        }

        ScalarsWritten += scalars.Length;
    }

    /// <summary>Writes the final header for data of <paramref name="size"/> and renames the file into place.</summary>
    public void Commit(Size size, MrcWriteOptions options)
    {
        var header = BuildHeader(size, Mode, options, statistics);
        Span<byte> headerBytes = stackalloc byte[MrcHeader.Length];
        MrcHeaderCodec.Write(header, headerBytes);
        file.Stream.Position = 0;
        file.Stream.Write(headerBytes);
        file.Commit();
    }

    /// <summary>Deletes the temporary file unless it was committed.</summary>
    public void Dispose() => file.Dispose();

    /// <summary>The header of a new file: image/stack (Z = 1), volume (N = 1) or stack of volumes.</summary>
    private static MrcHeader BuildHeader(Size size, MrcMode mode, MrcWriteOptions options, MrcStatistics stats)
    {
        long sections = (long)size.Z * size.N;
        if (sections > int.MaxValue)
        {
            throw new ArgumentOutOfRangeException(nameof(size), string.Create(CultureInfo.InvariantCulture,
                $"{size} has {sections} sections, more than an MRC header can count."));
        }

        int ispg = size.Z == 1 ? 0 : size.N == 1 ? 1 : 401;
        float p = options.PixelSize;
        return new MrcHeader
        {
            Nx = size.X,
            Ny = size.Y,
            Nz = (int)sections,
            Mode = mode,
            Mx = size.X,
            My = size.Y,
            Mz = size.Z,
            CellA = new Vector3(size.X * p, size.Y * p, size.Z * p),
            DMin = stats.Min,
            DMax = stats.Max,
            DMean = stats.Mean,
            Rms = stats.Rms,
            Ispg = ispg,
            NVersion = 20140,
            Origin = options.Origin,
            Labels = options.Labels,
        };
    }
}
