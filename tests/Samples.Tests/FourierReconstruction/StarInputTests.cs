using Oompa.Algorithms.Reconstruction.Phantom;
using Oompa.Core.Data;
using Oompa.Core.IO.Mrc;
using Oompa.Core.IO.Star;
using Oompa.Samples.FourierReconstruction;
using Oompa.Samples.FourierReconstruction.Input;
using Oompa.Samples.FourierReconstruction.Phantom;
using Oompa.Samples.FourierReconstruction.Quality;

namespace Oompa.Samples.Tests.FourierReconstruction;

/// <summary>The STAR-to-MRC job on small phantom data sets: origins in pixels and Å, and every kind of bad input.</summary>
public sealed class StarInputTests : IDisposable
{
    private const int Size = 24;
    private readonly string folder = Path.Combine(Path.GetTempPath(), $"oompa-recon-{Guid.NewGuid():N}");

    public void Dispose()
    {
        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void Origins_in_angstrom_and_in_pixels_give_the_same_map_with_the_optics_pixel_size()
    {
        var phantom = GaussianPhantom.Random(Size, 2);
        string angstrom = PhantomDataset.Write(Path.Combine(folder, "a"), Size, 300, seed: 4, pixelSize: 1.5, phantom: phantom);
        string pixels = PhantomDataset.Write(Path.Combine(folder, "p"), Size, 300, seed: 4, pixelSize: 1.5, originsInPixels: true, phantom: phantom);
        var a = ReconstructionJob.Run(new ReconstructionRequest { ParticlesPath = angstrom, OutputPath = Path.Combine(folder, "a.mrc") });
        ReconstructionJob.Run(new ReconstructionRequest { ParticlesPath = pixels, OutputPath = Path.Combine(folder, "p.mrc") });

        var mapA = MrcFile.Read(Path.Combine(folder, "a.mrc"));
        var mapP = MrcFile.Read(Path.Combine(folder, "p.mrc"));
        var truth = MrcFile.Read(Path.Combine(folder, "a", "phantom.mrc"));
        Assert.Equal(new Size(Size, Size, Size), mapA.Size);
        Assert.Equal(1.5f, mapA.PixelSize, 1e-5f);
        Assert.Equal(300, a.Particles);
        Assert.True(VolumeComparison.Correlation(mapA.Data, truth.Data) >= 0.999, $"{VolumeComparison.Correlation(mapA.Data, truth.Data):F6}");
        Assert.True(VolumeComparison.Correlation(mapA.Data, mapP.Data) >= 0.999999, $"{VolumeComparison.Correlation(mapA.Data, mapP.Data):F8}");
    }

    [Fact]
    public void A_missing_stack_entry_names_the_row_and_writes_nothing()
    {
        string star = Dataset();
        Edit(star, b => b.Set("rlnImageName", 7, "000041@particles.mrcs"));
        AssertFails(star, "row 8", "000041@particles.mrcs", "holds 40");
    }

    [Fact]
    public void A_missing_stack_file_names_it()
    {
        string star = Dataset();
        Edit(star, b => b.Set("rlnImageName", 2, "000001@missing.mrcs"));
        AssertFails(star, "row 3", "missing.mrcs", "does not exist");
    }

    [Theory]
    [InlineData("rlnAngleTilt")]
    [InlineData("rlnImageName")]
    public void A_missing_column_is_named(string column)
    {
        string star = Dataset();
        var file = StarFile.Read(star);
        var old = file.Block("particles");
        var columns = old.Columns.Where(c => c != column).ToArray();
        var block = StarBlock.CreateLoop("particles", columns);
        for (int r = 0; r < old.RowCount; r++)
        {
            block.AddRow([.. columns.Select(c => old.GetString(c, r))]);
        }

        var rewritten = new StarFile();
        rewritten.Add(file.Block("optics"));
        rewritten.Add(block);
        rewritten.Write(star);
        AssertFails(star, "_" + column);
    }

    [Fact]
    public void A_value_that_is_not_a_finite_number_names_column_and_row()
    {
        string star = Dataset();
        Edit(star, b => b.Set("rlnAnglePsi", 4, "nan"));
        AssertFails(star, "_rlnAnglePsi", "row 5");
        Edit(star, b => b.Set("rlnAnglePsi", 4, "twelve"));
        AssertFails(star, "_rlnAnglePsi", "twelve");
    }

    [Fact]
    public void An_unknown_symmetry_lists_the_accepted_names()
    {
        string star = Dataset();
        AssertFailsWith(star, "X7", "X7", "C1");
    }

    [Fact]
    public void Non_square_images_are_refused()
    {
        string star = Dataset();
        MrcFile.Write(Path.Combine(Path.GetDirectoryName(star)!, "particles.mrcs"), new float[40 * Size * (Size - 2)], new Size(Size, Size - 2, 1, 40));
        AssertFails(star, "square");
    }

    [Fact]
    public void A_nan_pixel_names_the_image_and_the_row()
    {
        string star = Dataset();
        string stack = Path.Combine(Path.GetDirectoryName(star)!, "particles.mrcs");
        var data = MrcFile.Read(stack);
        data.Data[(5 * Size * Size) + 30] = float.NaN;
        MrcFile.Write(stack, data.Data, data.Size);
        AssertFails(star, "row 6", "image 6", "NaN", "pixel (6, 1)");
    }

    [Fact]
    public void Angstrom_origins_without_a_pixel_size_are_refused()
    {
        string star = Dataset();
        var file = StarFile.Read(star);
        var rewritten = new StarFile();
        rewritten.Add(file.Block("particles"));
        rewritten.Write(star);
        AssertFails(star, "_rlnOriginXAngst", "_rlnImagePixelSize");
    }

    private string Dataset() => PhantomDataset.Write(Path.Combine(folder, Guid.NewGuid().ToString("N")), Size, 40, seed: 1);

    private static void Edit(string star, Action<StarBlock> edit)
    {
        var file = StarFile.Read(star);
        edit(file.Block("particles"));
        file.Write(star);
    }

    private void AssertFails(string star, params string[] fragments) => AssertFailsWith(star, "C1", fragments);

    private void AssertFailsWith(string star, string symmetry, params string[] fragments)
    {
        string output = Path.Combine(folder, "out", "volume.mrc");
        var error = Assert.Throws<ReconstructionInputException>(() =>
            ReconstructionJob.Run(new ReconstructionRequest { ParticlesPath = star, OutputPath = output, Symmetry = symmetry }));
        foreach (string fragment in fragments)
        {
            Assert.Contains(fragment, error.Message, StringComparison.Ordinal);
        }

        Assert.False(File.Exists(output), "a failed run left an output file");
    }
}
