using Oompa.Core.Data;
using Oompa.Core.IO.Mrc;

namespace Oompa.Core.Tests.IO.Mrc;

/// <summary>Atomic writes and the streaming stack writer.</summary>
public class MrcWriterTests
{
    [Fact]
    public void A_write_that_fails_midway_leaves_no_file_and_no_temporary()
    {
        using var dir = new TempDirectory();
        string path = dir.File("fails.mrc");
        // 200 000 values span several encoding chunks; the last one cannot be stored as int16.
        var data = new float[200_000];
        data[^1] = 1e6f;
        var e = Assert.Throws<ArgumentException>(() => MrcFile.Write(path, data, new Size(400, 500), new MrcWriteOptions { Mode = MrcMode.Int16 }));
        Assert.Contains("element 199999", e.Message, StringComparison.Ordinal);
        Assert.Empty(dir.Entries());
    }

    [Fact]
    public void A_failed_write_leaves_an_existing_file_untouched()
    {
        using var dir = new TempDirectory();
        string path = dir.File("keep.mrc");
        MrcFile.Write(path, [1f, 2f, 3f], new Size(3));
        var before = File.ReadAllBytes(path);
        Assert.Throws<ArgumentException>(() => MrcFile.Write(path, [1f, 2f, 300f], new Size(3), new MrcWriteOptions { Mode = MrcMode.Int8 }));
        Assert.Equal(before, File.ReadAllBytes(path));
        Assert.Equal(["keep.mrc"], dir.Entries());
    }

    [Fact]
    public void The_stack_writer_streams_sections_and_commits_atomically()
    {
        using var dir = new TempDirectory();
        string path = dir.File("stack.mrcs");
        var frames = Enumerable.Range(0, 5).Select(f => Enumerable.Range(0, 6 * 4).Select(i => (f * 1000f) + i).ToArray()).ToArray();
        using (var writer = new MrcStackWriter(path, 6, 4, new MrcWriteOptions { PixelSize = 0.885f, Labels = ["frames"] }))
        {
            writer.WriteSections(frames[0]);
            writer.WriteSections(frames[1].Concat(frames[2]).ToArray());
            Assert.False(File.Exists(path));
            Assert.Single(dir.Entries());
            writer.WriteSections(frames[3]);
            writer.WriteSections(frames[4]);
            Assert.Equal(5, writer.SectionCount);
            writer.Commit();
            Assert.Throws<InvalidOperationException>(() => writer.WriteSections(frames[0]));
        }

        Assert.Equal(["stack.mrcs"], dir.Entries());
        var back = MrcFile.Read(path);
        Assert.Equal(new Size(6, 4, 1, 5), back.Size);
        Assert.Equal(0, back.Header.Ispg);
        Assert.Equal(1, back.Header.Mz);
        Assert.Equal(0.885f, back.PixelSize, 6);
        Assert.Equal(["frames"], back.Header.Labels);
        Assert.Equal(frames.SelectMany(f => f).ToArray(), back.Data);
        Assert.Equal(0f, back.Header.DMin);
        Assert.Equal(4023f, back.Header.DMax);

        var middle = new float[2 * 24];
        MrcFile.ReadSections(path, 2, 2, middle);
        Assert.Equal(frames[2].Concat(frames[3]).ToArray(), middle);
    }

    [Fact]
    public void A_stack_writer_disposed_without_commit_leaves_nothing()
    {
        using var dir = new TempDirectory();
        string path = dir.File("abandoned.mrcs");
        MrcFile.Write(path, [7f], new Size(1));
        var before = File.ReadAllBytes(path);
        using (var writer = new MrcStackWriter(path, 2, 2))
        {
            writer.WriteSections(new float[8]);
        }

        Assert.Equal(before, File.ReadAllBytes(path));
        Assert.Equal(["abandoned.mrcs"], dir.Entries());
    }

    [Fact]
    public void A_stack_writer_whose_write_failed_refuses_to_commit_and_leaves_nothing()
    {
        using var dir = new TempDirectory();
        string path = dir.File("faulted.mrcs");
        using (var writer = new MrcStackWriter(path, 2, 2, new MrcWriteOptions { Mode = MrcMode.UInt16 }))
        {
            writer.WriteSections([1f, 2f, 3f, 4f]);
            Assert.Throws<ArgumentException>(() => writer.WriteSections([1f, -2f, 3f, 4f]));
            Assert.Throws<InvalidOperationException>(() => writer.WriteSections([1f, 2f, 3f, 4f]));
            var e = Assert.Throws<InvalidOperationException>(writer.Commit);
            Assert.Contains("earlier write", e.Message, StringComparison.Ordinal);
        }

        Assert.Empty(dir.Entries());
    }

    [Fact]
    public void The_stack_writer_rejects_partial_sections_empty_stacks_and_the_wrong_kind()
    {
        using var dir = new TempDirectory();
        using (var writer = new MrcStackWriter(dir.File("s.mrcs"), 3, 3))
        {
            Assert.Throws<ArgumentException>(() => writer.WriteSections(new float[10]));
            Assert.Throws<InvalidOperationException>(() => writer.WriteSections(new ComplexF[9]));
            Assert.Throws<InvalidOperationException>(writer.Commit);
        }

        using (var writer = new MrcStackWriter(dir.File("c.mrcs"), 2, 1, new MrcWriteOptions { Mode = MrcMode.Complex32 }))
        {
            writer.WriteSections([new ComplexF(3, 4), new ComplexF(0, 1)]);
            writer.Commit();
        }

        var back = MrcFile.ReadComplex(dir.File("c.mrcs"));
        Assert.Equal([new ComplexF(3, 4), new ComplexF(0, 1)], back.Data);
        Assert.Equal(5f, back.Header.DMax);
        Assert.Equal(["c.mrcs"], dir.Entries());
    }

    [Fact]
    public void Reader_reads_complex_section_ranges()
    {
        using var dir = new TempDirectory();
        var data = Enumerable.Range(0, 2 * 3 * 4).Select(i => new ComplexF(i, -i)).ToArray();
        MrcFile.Write(dir.File("c.mrc"), data, new Size(2, 3, 1, 4));
        using var reader = MrcReader.Open(dir.File("c.mrc"));
        var two = new ComplexF[12];
        reader.ReadSections(1, 2, two);
        Assert.Equal(data.AsSpan(6, 12).ToArray(), two);
    }
}
