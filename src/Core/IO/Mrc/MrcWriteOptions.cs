using System.Numerics;

namespace Oompa.Core.IO.Mrc;

/// <summary>What a writer puts into an MRC file besides the data. The shape decides the kind of file: an image or image
/// stack (Z = 1, N images, ISPG 0), a volume (N = 1, ISPG 1) or a stack of volumes (ISPG 401).</summary>
public sealed record MrcWriteOptions
{
    /// <summary>Pixel (voxel) size in ångström; the cell is the shape times this. Must be positive and finite.</summary>
    public float PixelSize { get; init; } = 1f;

    /// <summary>The mode to store; null picks <see cref="MrcMode.Float32"/> for real data and
    /// <see cref="MrcMode.Complex32"/> for complex data. Integer modes round values to nearest and reject values outside
    /// their range; <see cref="MrcMode.Float16"/> rounds to half precision.</summary>
    public MrcMode? Mode { get; init; }

    /// <summary>Origin in ångström.</summary>
    public Vector3 Origin { get; init; }

    /// <summary>Up to 10 labels of at most 80 printable ASCII characters.</summary>
    public IReadOnlyList<string> Labels { get; init; } = [];

    /// <summary>The mode to write for real or complex data, after checking the options.</summary>
    /// <exception cref="ArgumentException">An option is invalid or the mode does not suit the data.</exception>
    internal MrcMode Resolve(bool complex)
    {
        if (!(PixelSize > 0) || !float.IsFinite(PixelSize))
        {
            throw new ArgumentException($"The pixel size must be positive and finite; it is {PixelSize}.", nameof(PixelSize));
        }

        if (Labels.Count > 10 || Labels.Any(l => l.Length > 80))
        {
            throw new ArgumentException("An MRC file holds at most 10 labels of at most 80 characters.", nameof(Labels));
        }

        var mode = Mode ?? (complex ? MrcMode.Complex32 : MrcMode.Float32);
        if (!MrcModes.IsSupported(mode))
        {
            throw new ArgumentException($"MRC mode {(int)mode} is not supported; supported modes are {MrcModes.SupportedList}.", nameof(Mode));
        }

        if (MrcModes.IsComplex(mode) != complex)
        {
            throw new ArgumentException(complex
                ? $"Complex data is written in mode 4 (Complex32), not mode {(int)mode} ({mode})."
                : "Mode 4 (Complex32) stores complex data; write ComplexF values for it.", nameof(Mode));
        }

        return mode;
    }
}
