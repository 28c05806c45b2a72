using Oompa.Core.IO.Star;

namespace Oompa.Core.Tests.IO.Star;

/// <summary>Files as RELION 3.1 writes them: particles with optics groups, and motion-correction metadata.</summary>
public class RelionStarTests
{
    internal const string Particles = """

        # version 30001

        data_optics

        loop_ 
        _rlnOpticsGroupName #1 
        _rlnOpticsGroup #2 
        _rlnMicrographOriginalPixelSize #3 
        _rlnVoltage #4 
        _rlnSphericalAberration #5 
        _rlnAmplitudeContrast #6 
        _rlnImagePixelSize #7 
        _rlnImageSize #8 
        _rlnImageDimensionality #9 
        opticsGroup1            1     0.885000   200.000000     1.400000     0.100000     3.540000           64            2 
         

        # version 30001

        data_particles

        loop_ 
        _rlnCoordinateX #1 
        _rlnCoordinateY #2 
        _rlnImageName #3 
        _rlnMicrographName #4 
        _rlnOpticsGroup #5 
        _rlnAngleRot #6 
        _rlnAngleTilt #7 
        _rlnAnglePsi #8 
        _rlnOriginXAngst #9 
        _rlnOriginYAngst #10 
        _rlnDefocusU #11 
        # a comment between the header and the rows
          1614.000000  2093.000000 000001@Extract/job007/Movies/20170629_00021_frameImage.mrcs MotionCorr/job002/Movies/20170629_00021_frameImage.mrc            1    45.234000    90.500000  -120.000000     1.770000    -3.540000 10864.146484 
          1303.000000   844.000000 000002@Extract/job007/Movies/20170629_00021_frameImage.mrcs MotionCorr/job002/Movies/20170629_00021_frameImage.mrc            1  -179.990000     5.000000    12.250000     0.000000     0.885000 10864.146484 

        data_notes

        _rlnComment    "a comment with spaces"   # trailing comment
        _rlnOther      'it''s quoted'

        """;

    internal const string MotionCorrection = """

        # version 30001

        data_general

        _rlnImageSizeX                                     3838
        _rlnImageSizeY                                     3710
        _rlnImageSizeZ                                       24
        _rlnMicrographMovieName                    Movies/20170629_00021_frameImage.tiff
        _rlnMicrographGainName                     Movies/gain.mrc
        _rlnMicrographBinning                          1.000000
        _rlnMicrographOriginalPixelSize                0.885000
        _rlnMicrographDoseRate                         1.277000
        _rlnMicrographPreExposure                      0.000000
        _rlnVoltage                                  200.000000
        _rlnMicrographStartFrame                              1
        _rlnMotionModelVersion                                1
         

        # version 30001

        data_global_shift

        loop_ 
        _rlnMicrographFrameNumber #1 
        _rlnMicrographShiftX #2 
        _rlnMicrographShiftY #3 
                   1     0.000000     0.000000 
                   2    -0.429112     0.378406 
                   3    -0.882356     0.784567 
                   4    -1.270018     1.120483 
         

        """;

    [Fact]
    public void A_particles_file_with_optics_parses_with_typed_values()
    {
        var star = StarFile.Parse(Particles, "particles.star");
        Assert.Equal(30001, star.Version);
        Assert.Equal(["optics", "particles", "notes"], star.Blocks.Select(b => b.Name));

        var optics = star.Block("data_optics");
        Assert.True(optics.IsLoop);
        Assert.Equal(1, optics.RowCount);
        Assert.Equal("opticsGroup1", optics.GetString("_rlnOpticsGroupName"));
        Assert.Equal(3.54, optics.GetDouble("rlnImagePixelSize", 0));
        Assert.Equal(64, optics.GetInt("_rlnImageSize", 0));

        var particles = star.Block("particles");
        Assert.Equal(11, particles.Columns.Count);
        Assert.Equal("rlnAngleRot", particles.Columns[5]);
        Assert.Equal(2, particles.RowCount);
        Assert.Equal(45.234, particles.GetDouble("_rlnAngleRot", 0));
        Assert.Equal(-179.99, particles.GetDouble("_rlnAngleRot", 1));
        Assert.Equal(90.5, particles.GetDouble("_rlnAngleTilt", 0));
        Assert.Equal(12.25, particles.GetDouble("_rlnAnglePsi", 1));
        Assert.Equal(1.77, particles.GetDouble("_rlnOriginXAngst", 0));
        Assert.Equal(0.885, particles.GetDouble("_rlnOriginYAngst", 1));
        Assert.Equal(1, particles.GetInt("_rlnOpticsGroup", 1));
        var image = particles.GetImageName("_rlnImageName", 1);
        Assert.Equal(2, image.Index);
        Assert.Equal(1, image.Section);
        Assert.Equal("Extract/job007/Movies/20170629_00021_frameImage.mrcs", image.Path);

        var notes = star.Block("notes");
        Assert.False(notes.IsLoop);
        Assert.Equal("a comment with spaces", notes.GetString("rlnComment"));
        Assert.Equal("it''s quoted", notes.GetString("rlnOther"));
    }

    [Fact]
    public void Motion_correction_metadata_parses_as_a_key_value_block_and_a_shift_loop()
    {
        var star = StarFile.Parse(MotionCorrection, "corrected_micrographs.star");
        var general = star.Block("general");
        Assert.False(general.IsLoop);
        Assert.Equal(1, general.RowCount);
        Assert.Equal(12, general.Columns.Count);
        Assert.Equal(3838, general.GetInt("_rlnImageSizeX"));
        Assert.Equal(3710, general.GetInt("_rlnImageSizeY"));
        Assert.Equal(24, general.GetInt("_rlnImageSizeZ"));
        Assert.Equal("Movies/20170629_00021_frameImage.tiff", general.GetString("_rlnMicrographMovieName"));
        Assert.Equal(0.885, general.GetDouble("_rlnMicrographOriginalPixelSize"));
        Assert.Equal(1.277, general.GetDouble("_rlnMicrographDoseRate"));
        Assert.Equal(StarImageName.Parse("Movies/gain.mrc"), general.GetImageName("_rlnMicrographGainName"));

        var shifts = star.Block("global_shift");
        Assert.True(shifts.IsLoop);
        Assert.Equal(4, shifts.RowCount);
        for (int r = 0; r < shifts.RowCount; r++)
        {
            Assert.Equal(r + 1, shifts.GetInt("_rlnMicrographFrameNumber", r));
        }

        Assert.Equal(-1.270018, shifts.GetDouble("_rlnMicrographShiftX", 3));
        Assert.Equal(1.120483, shifts.GetDouble("_rlnMicrographShiftY", 3));
    }

    [Fact]
    public void RELION_3_0_files_without_version_or_block_name_and_without_column_numbers_parse()
    {
        const string text = "data_\nloop_\n_rlnImageName\n_rlnDefocusU\n1@a.mrcs 10000\n2@a.mrcs 12000.5\n";
        var star = StarFile.Parse(text);
        Assert.Null(star.Version);
        var block = star.Block("");
        Assert.Equal(12000.5, block.GetDouble("rlnDefocusU", 1));
        Assert.Equal(new StarImageName(1, "a.mrcs"), block.GetImageName("rlnImageName", 0));
        Assert.DoesNotContain("# version", star.ToText(), StringComparison.Ordinal);
    }
}
