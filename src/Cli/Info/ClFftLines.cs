using Oompa.Algorithms.Fft.ClFft;

namespace Oompa.Cli.Info;

/// <summary>clFFT's details, listed below its line in the native-library section: the version it reports.</summary>
internal static class ClFftLines
{
    /// <summary>The indented lines below clFFT's native-library line.</summary>
    public static IEnumerable<InfoLine> Collect()
    {
        yield return new InfoLine("Version", ClFft.Version, 1);
    }
}
