using Oompa.Core.IO.Mrc;
using Oompa.Core.IO.Star;

namespace Oompa.Samples.FourierReconstruction.Input;

/// <summary>
/// The image stacks a STAR file refers to: resolves each path once, reads its header, and checks that every
/// referenced section exists and every stack holds square images of one size.
/// </summary>
internal sealed class StackCatalogue(string starPath)
{
    private readonly Dictionary<string, (string Resolved, MrcHeader Header)> stacks = new(StringComparer.Ordinal);

    public string Resolve(StarImageName name, int row)
    {
        if (!stacks.TryGetValue(name.Path, out var stack))
        {
            stack = Open(name.Path, row);
            stacks[name.Path] = stack;
        }

        int sections = stack.Header.Nz;
        if (name.Section >= sections)
        {
            throw new ReconstructionInputException($"'{starPath}', row {row + 1}: _rlnImageName '{name}' asks for image {name.Section + 1}, but '{stack.Resolved}' holds {sections}.");
        }

        return stack.Resolved;
    }

    /// <summary>The common image size and the first stack's header pixel size (null when the header has none).</summary>
    public (int Size, double? PixelSize) CheckSizes(int? expected)
    {
        int? size = expected;
        string? first = null;
        double? pixel = null;
        foreach (var (resolved, header) in stacks.Values)
        {
            if (header.Nx != header.Ny)
            {
                throw new ReconstructionInputException($"'{resolved}' holds {header.Nx}×{header.Ny} images; Fourier reconstruction needs square images.");
            }

            if (size is { } s && header.Nx != s)
            {
                throw new ReconstructionInputException(first is null
                    ? $"'{resolved}' holds {header.Nx}² images, but data_optics of '{starPath}' says _rlnImageSize {s}."
                    : $"'{resolved}' holds {header.Nx}² images, but '{first}' holds {s}²; all particles need one size.");
            }

            size ??= header.Nx;
            first ??= resolved;
            pixel ??= header.PixelSize > 0 && float.IsFinite(header.PixelSize) ? header.PixelSize : null;
        }

        return (size ?? 0, pixel);
    }

    private (string Resolved, MrcHeader Header) Open(string path, int row)
    {
        string folder = Path.GetDirectoryName(Path.GetFullPath(starPath)) ?? ".";
        string[] candidates = Path.IsPathRooted(path) ? [path] : [Path.Combine(folder, path), Path.GetFullPath(path)];
        string? found = candidates.FirstOrDefault(File.Exists)
            ?? throw new ReconstructionInputException($"'{starPath}', row {row + 1}: image stack '{path}' does not exist (looked for {string.Join(" and ", candidates.Distinct().Select(c => $"'{c}'"))}).");
        try
        {
            return (found, MrcFile.ReadHeader(found));
        }
        catch (InvalidDataException e)
        {
            throw new ReconstructionInputException($"'{starPath}', row {row + 1}: {e.Message}", e);
        }
    }
}
