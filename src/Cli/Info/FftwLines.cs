using Oompa.Algorithms.Fft.Fftw;

namespace Oompa.Cli.Info;

/// <summary>The FFTW section: version, threads support and the wisdom file.</summary>
internal static class FftwLines
{
    /// <summary>The lines of the FFTW section.</summary>
    public static IEnumerable<InfoLine> Collect()
    {
        if (!Fftw.IsAvailable)
        {
            yield return new InfoLine("Library", $"missing — apt-get install {Fftw.Library.Package}");
            yield break;
        }

        yield return new InfoLine("Version", Fftw.Version);
        yield return new InfoLine("Threads", Fftw.ThreadsAvailable ? "yes" : $"no — apt-get install {Fftw.ThreadsLibrary.Package}");
        yield return new InfoLine("Wisdom", File.Exists(Fftw.WisdomPath) ? Fftw.WisdomPath : $"{Fftw.WisdomPath} (not written yet)");
    }
}
