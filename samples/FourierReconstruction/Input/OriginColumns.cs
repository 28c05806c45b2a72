using Oompa.Core.IO.Star;

namespace Oompa.Samples.FourierReconstruction.Input;

/// <summary>Which origin columns a particles block has: Å (RELION 3.1), pixels (3.0), or none.</summary>
internal sealed record OriginColumns(string? X, string? Y, bool InAngstrom)
{
    public static OriginColumns From(StarBlock block, string path, string blockName)
    {
        foreach (var (x, y, angstrom) in new[] { ("rlnOriginXAngst", "rlnOriginYAngst", true), ("rlnOriginX", "rlnOriginY", false) })
        {
            bool hasX = block.HasColumn(x), hasY = block.HasColumn(y);
            if (hasX != hasY)
            {
                throw new ReconstructionInputException($"'{path}': {blockName} has _{(hasX ? x : y)} but no _{(hasX ? y : x)}; origins need both columns.");
            }

            if (hasX)
            {
                return new OriginColumns(x, y, angstrom);
            }
        }

        return new OriginColumns(null, null, false);
    }
}
