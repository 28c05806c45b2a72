using Oompa.Core.IO.Star;

namespace Oompa.Samples.FourierReconstruction.Input;

/// <summary>The <c>data_optics</c> block of a RELION 3.1 STAR file: pixel size and image size per optics group.</summary>
internal sealed class OpticsTable
{
    private readonly Dictionary<int, double> pixelSizes = [];
    private readonly string path;

    private OpticsTable(string path) => this.path = path;

    /// <summary>The pixel size of the first optics group, or null without optics.</summary>
    public double? DefaultPixelSize { get; private set; }

    /// <summary>The image size of the first optics group, or null when not given.</summary>
    public int? ImageSize { get; private set; }

    public static OpticsTable From(StarFile star, string path)
    {
        var table = new OpticsTable(path);
        if (!star.TryGetBlock("optics", out var optics) || !optics.HasColumn("rlnImagePixelSize"))
        {
            return table;
        }

        for (int row = 0; row < optics.RowCount; row++)
        {
            double pixel = ParticleStarReader.Finite(optics, "rlnImagePixelSize", row, path, "data_optics");
            if (!(pixel > 0))
            {
                throw new ReconstructionInputException($"'{path}', data_optics, column _rlnImagePixelSize, row {row + 1}: {pixel} is not a positive pixel size.");
            }

            int group = optics.HasColumn("rlnOpticsGroup") ? (int)ParticleStarReader.Finite(optics, "rlnOpticsGroup", row, path, "data_optics") : row + 1;
            table.pixelSizes[group] = pixel;
            table.DefaultPixelSize ??= pixel;
            if (row == 0 && optics.HasColumn("rlnImageSize"))
            {
                table.ImageSize = (int)ParticleStarReader.Finite(optics, "rlnImageSize", row, path, "data_optics");
            }
        }

        return table;
    }

    /// <summary>The pixel size of the particle's optics group (the first group when the block has no group column).</summary>
    /// <exception cref="ReconstructionInputException">The particle names an optics group that data_optics lacks.</exception>
    public double? PixelSizeOf(StarBlock particles, int row)
    {
        if (pixelSizes.Count == 0)
        {
            return null;
        }

        if (!particles.HasColumn("rlnOpticsGroup"))
        {
            return DefaultPixelSize;
        }

        int group = (int)ParticleStarReader.Finite(particles, "rlnOpticsGroup", row, path, $"data_{particles.Name}");
        return pixelSizes.TryGetValue(group, out double pixel)
            ? pixel
            : throw new ReconstructionInputException($"'{path}', data_{particles.Name}, column _rlnOpticsGroup, row {row + 1}: optics group {group} is not in data_optics.");
    }
}
