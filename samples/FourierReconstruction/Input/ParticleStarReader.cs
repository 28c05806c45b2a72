using System.Globalization;
using Oompa.Algorithms.Reconstruction.Geometry;
using Oompa.Core.IO.Mrc;
using Oompa.Core.IO.Star;

namespace Oompa.Samples.FourierReconstruction.Input;

/// <summary>
/// Reads a RELION particles STAR file (3.1: <c>data_optics</c> + <c>data_particles</c>; a single 3.0-style loop
/// with <c>_rlnImageName</c> is accepted too) and checks it against its image stacks before any work starts:
/// <c>_rlnImageName</c> (<c>index@stack.mrcs</c>), <c>_rlnAngleRot/Tilt/Psi</c> are required; origins come from
/// <c>_rlnOriginXAngst/YAngst</c> (divided by the optics group's <c>_rlnImagePixelSize</c>) or <c>_rlnOriginX/Y</c>
/// in pixels, and are 0 when absent. Stack paths are resolved against the STAR file's folder, then the current
/// folder. Every problem is a <see cref="ReconstructionInputException"/> naming the file, column and row.
/// </summary>
public static class ParticleStarReader
{
    private static readonly string[] AngleColumns = ["rlnAngleRot", "rlnAngleTilt", "rlnAnglePsi"];

    /// <summary>Reads and checks <paramref name="path"/>.</summary>
    /// <exception cref="ReconstructionInputException">Anything is missing or invalid.</exception>
    public static ParticleSet Read(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        if (!File.Exists(path))
        {
            throw new ReconstructionInputException($"'{path}': the particles STAR file does not exist.");
        }

        StarFile star;
        try
        {
            star = StarFile.Read(path);
        }
        catch (InvalidDataException e)
        {
            throw new ReconstructionInputException($"'{path}' is not a readable STAR file: {e.Message}", e);
        }

        var block = star.TryGetBlock("particles", out var particles)
            ? particles
            : star.Blocks.FirstOrDefault(b => b.IsLoop && b.HasColumn("rlnImageName"))
                ?? throw new ReconstructionInputException($"'{path}' has no data_particles block (nor any loop with _rlnImageName).");
        string blockName = $"data_{block.Name}";
        foreach (string column in AngleColumns.Prepend("rlnImageName"))
        {
            if (!block.HasColumn(column))
            {
                throw new ReconstructionInputException($"'{path}': {blockName} has no column _{column}; Fourier reconstruction needs _rlnImageName, _rlnAngleRot, _rlnAngleTilt and _rlnAnglePsi.");
            }
        }

        if (block.RowCount == 0)
        {
            throw new ReconstructionInputException($"'{path}': {blockName} has no particles.");
        }

        var optics = OpticsTable.From(star, path);
        var origin = OriginColumns.From(block, path, blockName);
        var stacks = new StackCatalogue(path);
        var result = new Particle[block.RowCount];
        for (int row = 0; row < block.RowCount; row++)
        {
            result[row] = ReadRow(block, row, path, blockName, optics, origin, stacks);
        }

        var (size, headerPixel) = stacks.CheckSizes(optics.ImageSize);
        return new ParticleSet(path, result, size, optics.DefaultPixelSize ?? headerPixel ?? 1);
    }

    private static Particle ReadRow(StarBlock block, int row, string path, string blockName, OpticsTable optics, OriginColumns origin, StackCatalogue stacks)
    {
        StarImageName name;
        try
        {
            name = block.GetImageName("rlnImageName", row);
        }
        catch (InvalidDataException e)
        {
            throw new ReconstructionInputException($"'{path}', {blockName}, row {row + 1}: {e.Message}", e);
        }

        double rot = Finite(block, "rlnAngleRot", row, path, blockName);
        double tilt = Finite(block, "rlnAngleTilt", row, path, blockName);
        double psi = Finite(block, "rlnAnglePsi", row, path, blockName);
        double ox = 0, oy = 0;
        if (origin.X is { } cx && origin.Y is { } cy)
        {
            ox = Finite(block, cx, row, path, blockName);
            oy = Finite(block, cy, row, path, blockName);
            if (origin.InAngstrom)
            {
                double pixel = optics.PixelSizeOf(block, row)
                    ?? throw new ReconstructionInputException($"'{path}', {blockName}, row {row + 1}: _{cx} is in Å, but no _rlnImagePixelSize is known for this particle (data_optics is missing or lacks its optics group).");
                ox /= pixel;
                oy /= pixel;
            }
        }

        string stack = stacks.Resolve(name, row);
        return new Particle(row + 1, stack, name.Section, new EulerAngles(rot, tilt, psi), ox, oy);
    }

    internal static double Finite(StarBlock block, string column, int row, string path, string blockName)
    {
        double value;
        try
        {
            value = block.GetDouble(column, row);
        }
        catch (InvalidDataException e)
        {
            throw new ReconstructionInputException($"'{path}': {e.Message}", e);
        }

        return double.IsFinite(value)
            ? value
            : throw new ReconstructionInputException(string.Create(CultureInfo.InvariantCulture,
                $"'{path}', {blockName}, column _{column}, row {row + 1}: '{block.GetString(column, row)}' is not a finite number."));
    }
}
