using System.Runtime.InteropServices;
using Oompa.Core.Data;

namespace Oompa.Core.IO.Mrc;

/// <summary>
/// Writes an image stack section by section, so a stack never has to fit in memory. Data goes to a temporary file next
/// to the destination; <see cref="Commit"/> writes the final header (section count, min, max, mean, RMS) and renames the
/// file into place atomically. Disposing without a commit deletes the temporary file and leaves the destination as it was.
/// </summary>
/// <example><code>
/// using var writer = new MrcStackWriter("aligned.mrcs", 4096, 4096, new MrcWriteOptions { PixelSize = 0.885f });
/// foreach (var frame in frames) writer.WriteSections(frame);
/// writer.Commit();
/// </code></example>
public sealed class MrcStackWriter : IDisposable
{
    private readonly MrcOutput output;
    private readonly MrcWriteOptions options;
    private bool committed;
    private bool disposed;
    private bool faulted;

    /// <summary>Starts a stack of <paramref name="width"/> × <paramref name="height"/> images at <paramref name="path"/>.</summary>
    /// <param name="path">Destination file; replaced on commit.</param>
    /// <param name="width">Columns of each image.</param>
    /// <param name="height">Rows of each image.</param>
    /// <param name="options">Pixel size, mode (null: Float32), origin, labels. Mode 4 takes <see cref="ComplexF"/> sections.</param>
    /// <exception cref="ArgumentException">An option is invalid.</exception>
    public MrcStackWriter(string path, int width, int height, MrcWriteOptions? options = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(width, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(height, 1);
        this.options = options ?? new MrcWriteOptions();
        var mode = this.options.Mode ?? MrcMode.Float32;
        _ = this.options.Resolve(MrcModes.IsComplex(mode));
        Width = width;
        Height = height;
        output = new MrcOutput(path, mode);
    }

    /// <summary>Columns of each image.</summary>
    public int Width { get; }

    /// <summary>Rows of each image.</summary>
    public int Height { get; }

    /// <summary>The mode being written.</summary>
    public MrcMode Mode => output.Mode;

    /// <summary>Sections written so far.</summary>
    public int SectionCount { get; private set; }

    /// <summary>Appends one or more whole real sections (a multiple of <c>Width · Height</c> values, X fastest).</summary>
    /// <exception cref="ArgumentException">The length is not a whole number of sections, or an integer mode cannot store
    /// a value (the writer then refuses further writes and the commit: dispose it).</exception>
    /// <exception cref="InvalidOperationException">The writer is complex, or already committed.</exception>
    public void WriteSections(ReadOnlySpan<float> sections)
    {
        Check(sections.Length, complex: false);
        Append(sections);
        SectionCount += (int)(sections.Length / ((long)Width * Height));
    }

    /// <summary>Appends one or more whole complex sections (mode 4).</summary>
    /// <exception cref="ArgumentException">The length is not a whole number of sections.</exception>
    /// <exception cref="InvalidOperationException">The writer is real, or already committed.</exception>
    public void WriteSections(ReadOnlySpan<ComplexF> sections)
    {
        Check(sections.Length, complex: true);
        Append(MemoryMarshal.Cast<ComplexF, float>(sections));
        SectionCount += (int)(sections.Length / ((long)Width * Height));
    }

    /// <summary>Finalises the header and renames the file into place.</summary>
    /// <exception cref="InvalidOperationException">No section was written, an earlier write failed, or already committed.</exception>
    public void Commit()
    {
        ObjectDisposedException.ThrowIf(disposed, this);
        if (committed)
        {
            throw new InvalidOperationException("The stack has already been committed.");
        }

        if (faulted)
        {
            throw new InvalidOperationException("An earlier write to this stack failed, so it holds a partial section; dispose the writer and start again.");
        }

        if (SectionCount == 0)
        {
            throw new InvalidOperationException("An MRC stack needs at least one section; nothing was written.");
        }

        output.Commit(new Size(Width, Height, 1, SectionCount), options);
        committed = true;
    }

    /// <summary>Deletes the temporary file unless the stack was committed.</summary>
    public void Dispose()
    {
        disposed = true;
        output.Dispose();
    }

    private void Append(ReadOnlySpan<float> scalars)
    {
        try
        {
            output.Append(scalars);
        }
        catch
        {
            faulted = true;
            throw;
        }
    }

    private void Check(int length, bool complex)
    {
        ObjectDisposedException.ThrowIf(disposed, this);
        if (faulted)
        {
            throw new InvalidOperationException("An earlier write to this stack failed; dispose the writer and start again.");
        }

        if (committed)
        {
            throw new InvalidOperationException("The stack has already been committed.");
        }

        if (MrcModes.IsComplex(Mode) != complex)
        {
            throw new InvalidOperationException(complex
                ? $"This stack is written in mode {(int)Mode} ({Mode}); write float sections."
                : "This stack is written in mode 4 (Complex32); write ComplexF sections.");
        }

        long section = (long)Width * Height;
        if (length == 0 || length % section != 0)
        {
            throw new ArgumentException($"{length} values are not a whole number of {Width}×{Height} sections.");
        }
    }
}
