using System.Globalization;
using System.Numerics;
using Oompa.Core.Data;

namespace Oompa.Core.IO.Mrc;

/// <summary>
/// The fields of an MRC2014 header (1024 bytes). Counts <see cref="Nx"/>, <see cref="Ny"/>, <see cref="Nz"/> are in file
/// order (columns, rows, sections); <see cref="MapC"/>, <see cref="MapR"/>, <see cref="MapS"/> say which axis (1 = X,
/// 2 = Y, 3 = Z) each of them runs along. Readers return data in X-fastest order whatever the file order is, with the shape
/// given by <see cref="DataSize"/>.
/// </summary>
public sealed record MrcHeader
{
    /// <summary>Bytes of the fixed header.</summary>
    public const int Length = 1024;

    /// <summary>The value of the IMOD stamp word (byte 152) in files written by IMOD.</summary>
    public const int ImodStamp = 1146047817;

    /// <summary>Columns (fastest-varying file axis).</summary>
    public int Nx { get; init; } = 1;

    /// <summary>Rows.</summary>
    public int Ny { get; init; } = 1;

    /// <summary>Sections (slowest-varying file axis; the number of images in a stack).</summary>
    public int Nz { get; init; } = 1;

    /// <summary>The data mode.</summary>
    public MrcMode Mode { get; init; } = MrcMode.Float32;

    /// <summary>Index of the first column (NXSTART).</summary>
    public int NxStart { get; init; }

    /// <summary>Index of the first row (NYSTART).</summary>
    public int NyStart { get; init; }

    /// <summary>Index of the first section (NZSTART).</summary>
    public int NzStart { get; init; }

    /// <summary>Sampling intervals along X of the unit cell.</summary>
    public int Mx { get; init; } = 1;

    /// <summary>Sampling intervals along Y of the unit cell.</summary>
    public int My { get; init; } = 1;

    /// <summary>Sampling intervals along Z of the unit cell (1 for an image stack).</summary>
    public int Mz { get; init; } = 1;

    /// <summary>Cell dimensions in ångström (X, Y, Z).</summary>
    public Vector3 CellA { get; init; }

    /// <summary>Cell angles in degrees (α, β, γ).</summary>
    public Vector3 CellB { get; init; } = new(90, 90, 90);

    /// <summary>Axis of the columns: 1 = X, 2 = Y, 3 = Z.</summary>
    public int MapC { get; init; } = 1;

    /// <summary>Axis of the rows.</summary>
    public int MapR { get; init; } = 2;

    /// <summary>Axis of the sections.</summary>
    public int MapS { get; init; } = 3;

    /// <summary>Minimum value (amplitude for complex data) as recorded in the header.</summary>
    public float DMin { get; init; }

    /// <summary>Maximum value as recorded in the header.</summary>
    public float DMax { get; init; }

    /// <summary>Mean value as recorded in the header.</summary>
    public float DMean { get; init; }

    /// <summary>Space group: 0 = image or image stack, 1 = volume, 401–630 = stack of volumes.</summary>
    public int Ispg { get; init; }

    /// <summary>Bytes of extended header that follow the fixed header (skipped by readers).</summary>
    public int Nsymbt { get; init; }

    /// <summary>Type of the extended header (EXTTYP, e.g. <c>FEI1</c>), empty when unset.</summary>
    public string ExtType { get; init; } = "";

    /// <summary>Format version (NVERSION): 20140 for MRC2014; 0 in files from writers that leave it unset (RELION).</summary>
    public int NVersion { get; init; }

    /// <summary>Whether mode-0 bytes are unsigned: true only for IMOD files whose flags do not say "signed".</summary>
    public bool Int8IsUnsigned { get; init; }

    /// <summary>Origin of the map in ångström.</summary>
    public Vector3 Origin { get; init; }

    /// <summary>RMS deviation of the values from their mean, as recorded in the header.</summary>
    public float Rms { get; init; }

    /// <summary>Text labels (at most 10 of 80 characters), trailing blanks removed.</summary>
    public IReadOnlyList<string> Labels { get; init; } = [];

    /// <summary>Whether the file stores numbers big-endian.</summary>
    public bool IsBigEndian { get; init; }

    /// <summary>Whether the file carries the <c>MAP </c> tag of MRC2000 and later.</summary>
    public bool HasMapTag { get; init; } = true;

    /// <summary>Pixel size in ångström: <c>CellA.X / Mx</c>; 0 when <see cref="Mx"/> is not positive.</summary>
    public float PixelSize => Mx > 0 ? CellA.X / Mx : 0f;

    /// <summary>Voxel size in ångström along X, Y, Z (0 on an axis whose sampling is not positive).</summary>
    public Vector3 VoxelSize => new(Mx > 0 ? CellA.X / Mx : 0f, My > 0 ? CellA.Y / My : 0f, Mz > 0 ? CellA.Z / Mz : 0f);

    /// <summary>Bytes of one element in the file.</summary>
    public int BytesPerElement => MrcModes.BytesPerElement(Mode);

    /// <summary>Offset of the first data byte: the fixed header plus the extended header.</summary>
    public long DataOffset => Length + (long)Nsymbt;

    /// <summary>Elements in one section (<c>Nx · Ny</c>).</summary>
    public long SectionElements => (long)Nx * Ny;

    /// <summary>Bytes of one section.</summary>
    public long SectionBytes => SectionElements * BytesPerElement;

    /// <summary>Bytes of all data.</summary>
    public long DataBytes => SectionBytes * Nz;

    /// <summary>Whether columns, rows and sections run along X, Y, Z (1, 2, 3).</summary>
    public bool HasStandardAxisOrder => MapC == 1 && MapR == 2 && MapS == 3;

    /// <summary>Whether the space group marks a single volume (1–230).</summary>
    public bool IsVolume => Ispg is >= 1 and <= 230;

    /// <summary>Whether the space group marks a stack of volumes (401–630).</summary>
    public bool IsVolumeStack => Ispg is >= 401 and <= 630;

    /// <summary>
    /// Shape of the data in X-fastest order: counts permuted by the axis order, then an image or image stack
    /// (<see cref="Ispg"/> 0) is <c>X × Y × 1 × sections</c>, a stack of volumes is <c>X × Y × Mz × (Z / Mz)</c>, and
    /// anything else is one volume <c>X × Y × Z × 1</c>.
    /// </summary>
    public Size DataSize
    {
        get
        {
            var (x, y, z) = SpatialExtent;
            if (Ispg == 0)
            {
                return new Size(x, y, 1, z);
            }

            if (IsVolumeStack && Mz > 0 && z % Mz == 0)
            {
                return new Size(x, y, Mz, z / Mz);
            }

            return new Size(x, y, z, 1);
        }
    }

    /// <summary>The counts along X, Y, Z after honouring the axis order.</summary>
    public (int X, int Y, int Z) SpatialExtent
    {
        get
        {
            Span<int> extent = stackalloc int[3];
            extent[MapC - 1] = Nx;
            extent[MapR - 1] = Ny;
            extent[MapS - 1] = Nz;
            return (extent[0], extent[1], extent[2]);
        }
    }

    /// <summary>A one-line summary for logs and messages.</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"MRC {Nx}×{Ny}×{Nz} mode {(int)Mode} ({Mode}), axes {MapC},{MapR},{MapS}, ispg {Ispg}, pixel {PixelSize} Å, " +
        $"{(IsBigEndian ? "big" : "little")}-endian, {Nsymbt} bytes of extended header");
}
