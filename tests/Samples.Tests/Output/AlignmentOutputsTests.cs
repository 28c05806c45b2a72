using System.Globalization;
using System.Text.Json;
using System.Xml.Linq;
using Oompa.Core.IO.Mrc;
using Oompa.Core.IO.Star;
using Oompa.Samples.FlexAlign;
using Oompa.Samples.FlexAlign.Global;
using Oompa.Samples.FlexAlign.Output;

namespace Oompa.Samples.Tests.Output;

/// <summary>The four output files of an alignment: content, sign conventions, and all-or-nothing writing.</summary>
public sealed class AlignmentOutputsTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("oompa-outputs-").FullName;

    // Drift of frame t (the scene moved by it); frame 1 is deliberately not at the origin.
    private static readonly FrameShift[] KnownDrifts = [new(0.5, -0.25), new(1.5, 0.75), new(3.0, 2.25), new(4.25, 2.0)];

    public void Dispose() => Directory.Delete(folder, recursive: true);

    [Fact]
    public void Star_parses_back_with_relion_sign_relative_to_frame_1()
    {
        var paths = AlignmentOutputs.Write(folder, Record());

        var star = StarFile.Read(paths.Star);
        var general = star.Block("general");
        Assert.Equal(64, general.GetInt("_rlnImageSizeX"));
        Assert.Equal(48, general.GetInt("_rlnImageSizeY"));
        Assert.Equal(4, general.GetInt("_rlnImageSizeZ"));
        Assert.Equal("movies/known.mrc", general.GetString("_rlnMicrographMovieName"));
        Assert.Equal(1.34, general.GetDouble("_rlnMicrographOriginalPixelSize"), 6);
        Assert.Equal(1, general.GetInt("_rlnMicrographStartFrame"));
        Assert.Equal(0, general.GetInt("_rlnMotionModelVersion"));

        var shifts = star.Block("global_shift");
        Assert.Equal(4, shifts.RowCount);
        for (int t = 0; t < 4; t++)
        {
            Assert.Equal(t + 1, shifts.GetInt("_rlnMicrographFrameNumber", t));
            // Corrective shift = -(drift[t] - drift[0]), six decimals.
            Assert.Equal(-(KnownDrifts[t].X - KnownDrifts[0].X), shifts.GetDouble("_rlnMicrographShiftX", t), 6);
            Assert.Equal(-(KnownDrifts[t].Y - KnownDrifts[0].Y), shifts.GetDouble("_rlnMicrographShiftY", t), 6);
        }

        Assert.Equal("0.000000", shifts.GetString("_rlnMicrographShiftX", 0));
        Assert.Equal("0.000000", shifts.GetString("_rlnMicrographShiftY", 0));
    }

    [Fact]
    public void Json_parses_and_carries_frames_settings_and_a_null_local_model()
    {
        var paths = AlignmentOutputs.Write(folder, Record());

        using var json = JsonDocument.Parse(File.ReadAllBytes(paths.Json));
        var root = json.RootElement;
        Assert.Equal("movies/known.mrc", root.GetProperty("movie").GetString());
        Assert.Equal(4, root.GetProperty("size").GetProperty("frames").GetInt32());
        Assert.Equal(20, root.GetProperty("settings").GetProperty("maxShiftA").GetDouble());
        Assert.Equal(2, root.GetProperty("rejectedPairs").GetInt32());
        Assert.Equal(JsonValueKind.Null, root.GetProperty("localModel").ValueKind);
        var frames = root.GetProperty("frames");
        Assert.Equal(4, frames.GetArrayLength());
        Assert.Equal(-2.5, frames[2].GetProperty("shiftXPx").GetDouble(), 12);
        Assert.Equal(2.5, frames[2].GetProperty("driftYPx").GetDouble(), 12);
        Assert.Equal(0.25, root.GetProperty("timingsS").GetProperty("align").GetDouble());
    }

    [Fact]
    public void Svg_is_well_formed_xml_with_a_marker_per_frame()
    {
        var paths = AlignmentOutputs.Write(folder, Record());

        var svg = XDocument.Load(paths.Svg);
        XNamespace ns = "http://www.w3.org/2000/svg";
        Assert.Equal(ns + "svg", svg.Root!.Name);
        Assert.Equal(4, svg.Descendants(ns + "circle").Count());
        Assert.Contains(svg.Descendants(ns + "text"), t => t.Value == "frame 1");
        Assert.Contains(svg.Descendants(ns + "text"), t => t.Value.Contains("(px)", StringComparison.Ordinal));
    }

    [Fact]
    public void Sum_is_written_with_the_pixel_size()
    {
        var paths = AlignmentOutputs.Write(folder, Record());

        var sum = MrcFile.Read(paths.Sum);
        Assert.Equal((64, 48, 1), (sum.Size.X, sum.Size.Y, sum.Size.Z * sum.Size.N));
        Assert.Equal(1.34f, sum.Header.PixelSize, 4);
        Assert.Equal(7f, sum.Data[(5 * 64) + 3]);
        Assert.Equal(4, Directory.GetFiles(folder).Length);
    }

    [Fact]
    public void A_failure_midway_leaves_no_files()
    {
        // A folder where the SVG should go makes the last rename fail, after the other three are in place.
        Directory.CreateDirectory(Path.Combine(folder, "known.svg"));

        Assert.ThrowsAny<IOException>(() => AlignmentOutputs.Write(folder, Record()));

        Assert.Empty(Directory.GetFiles(folder, "*", SearchOption.AllDirectories));
    }

    [Fact]
    public void A_failed_write_leaves_no_temporaries()
    {
        // The JSON of a record with non-finite drift cannot be written: the MRC and STAR temporaries must go too.
        var bad = Record() with { Drifts = [.. KnownDrifts.Take(3), new FrameShift(double.NaN, 0)] };

        Assert.ThrowsAny<Exception>(() => AlignmentOutputs.Write(folder, bad));

        Assert.Empty(Directory.GetFileSystemEntries(folder));
    }

    private static AlignmentRecord Record()
    {
        var sum = new float[64 * 48];
        sum[(5 * 64) + 3] = 7f;
        return new AlignmentRecord
        {
            MoviePath = "movies/known.mrc",
            Width = 64,
            Height = 48,
            Settings = new GlobalAlignmentSettings { PixelSize = 1.34, MaxShift = 20 },
            Drifts = KnownDrifts,
            AlignedSum = sum,
            MeasuredPairs = 6,
            RejectedPairs = 2,
            ResidualRms = 0.01,
            Timings = [new("align", 0.25), new("sum", 0.125)],
        };
    }

    [Fact]
    public void Corrective_shifts_of_the_record_start_at_exactly_zero()
    {
        var shifts = Record().CorrectiveShifts;
        Assert.Equal(FrameShift.Zero, shifts[0]);
        Assert.Equal(string.Create(CultureInfo.InvariantCulture, $"{-1.0:F3}"), shifts[1].X.ToString("F3", CultureInfo.InvariantCulture));
    }
}
