using Microsoft.Extensions.Logging;
using Oompa.Core.Devices.OpenCl;
using Oompa.Scheduler.Distributed.Mpi;

namespace Oompa.Cli.Info;

/// <summary>The standard sections of <c>oompa info</c>.</summary>
internal static class InfoSources
{
    /// <summary>Section with the Oompa version, runtime, OS and CPU.</summary>
    public const string System = "Oompa";

    /// <summary>Section with one line per registered native library.</summary>
    public const string NativeLibraries = "Native libraries";

    /// <summary>Section with the OpenCL platforms and devices.</summary>
    public const string OpenCl = "OpenCL";

    /// <summary>Section with the FFTW library.</summary>
    public const string Fftw = "FFTW";

    /// <summary>Section with the MPI library.</summary>
    public const string Mpi = "MPI";

    /// <summary>A report with the standard sections.</summary>
    public static InfoReport CreateDefault(ILoggerFactory loggerFactory)
    {
        var report = new InfoReport();
        AddDefaults(report, loggerFactory);
        return report;
    }

    /// <summary>Adds the standard sections to <paramref name="report"/>.</summary>
    public static void AddDefaults(InfoReport report, ILoggerFactory loggerFactory)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(loggerFactory);

        // Touch every binding so its library is registered before the native-library section lists them.
        _ = OpenClDiscovery.Library;
        _ = MpiLibrary.Library;
        _ = Oompa.Algorithms.Fft.Fftw.Fftw.Library;
        _ = Oompa.Algorithms.Fft.ClFft.ClFft.Library;

        report.Section(System).Add(SystemLines.Collect);
        var details = new Dictionary<string, Func<IEnumerable<InfoLine>>>(StringComparer.Ordinal)
        {
            [Oompa.Algorithms.Fft.ClFft.ClFft.Library.Name] = ClFftLines.Collect,
        };
        report.Section(NativeLibraries).Add(() => NativeLibraryLines.Collect(details));
        report.Section(Fftw).Add(FftwLines.Collect);
        var openClLogger = loggerFactory.CreateLogger(typeof(OpenClDiscovery));
        report.Section(OpenCl).Add(() => OpenClLines.Collect(openClLogger));
        report.Section(Mpi).Add(MpiLines.Collect);
    }
}
