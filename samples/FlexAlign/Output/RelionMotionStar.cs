using System.Globalization;
using Oompa.Core.IO.Star;

namespace Oompa.Samples.FlexAlign.Output;

/// <summary>
/// The RELION 3.1 motion-correction STAR file (what RELION's MotionCorr job writes next to each micrograph):
/// <c>data_general</c> with the movie's size, name, binning, pixel size, first frame and motion-model version (0: no
/// local model), and <c>data_global_shift</c> with one row per frame: frame number (from 1) and the corrective shift in
/// pixels relative to the first frame, <c>−(drift[t] − drift[0])</c>, so frame 1 is exactly 0, 0. The dose rate,
/// pre-exposure and voltage are not known to FlexAlign and are left out.
/// </summary>
public static class RelionMotionStar
{
    /// <summary>Name of the key–value block.</summary>
    public const string GeneralBlock = "general";

    /// <summary>Name of the per-frame shift loop.</summary>
    public const string GlobalShiftBlock = "global_shift";

    /// <summary>Builds the STAR file of <paramref name="record"/>.</summary>
    public static StarFile Build(AlignmentRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        var star = new StarFile();
        var general = star.Add(StarBlock.CreateList(GeneralBlock));
        general.Set("_rlnImageSizeX", record.Width);
        general.Set("_rlnImageSizeY", record.Height);
        general.Set("_rlnImageSizeZ", record.Frames);
        general.Set("_rlnMicrographMovieName", record.MoviePath);
        if (record.GainPath is not null)
        {
            general.Set("_rlnMicrographGainName", record.GainPath);
        }

        general.Set("_rlnMicrographBinning", Format(1.0));
        general.Set("_rlnMicrographOriginalPixelSize", Format(record.Settings.PixelSize));
        general.Set("_rlnMicrographStartFrame", 1);
        general.Set("_rlnMotionModelVersion", 0);

        var shifts = star.Add(StarBlock.CreateLoop(GlobalShiftBlock, "_rlnMicrographFrameNumber", "_rlnMicrographShiftX", "_rlnMicrographShiftY"));
        var corrective = record.CorrectiveShifts;
        for (int t = 0; t < corrective.Count; t++)
        {
            shifts.AddRow((t + 1).ToString(CultureInfo.InvariantCulture), Format(corrective[t].X), Format(corrective[t].Y));
        }

        return star;
    }

    // Six decimals as RELION writes them; "0.000000" rather than "-0.000000".
    private static string Format(double value)
    {
        string text = value.ToString("F6", CultureInfo.InvariantCulture);
        return text == "-0.000000" ? "0.000000" : text;
    }
}
