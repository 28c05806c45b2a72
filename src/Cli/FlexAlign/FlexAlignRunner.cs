using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.Logging;
using Oompa.Core.Devices;
using Oompa.Samples.FlexAlign;
using Oompa.Samples.FlexAlign.Global;
using Oompa.Samples.FlexAlign.LocalAlignment;
using Oompa.Samples.FlexAlign.Movie;
using Oompa.Samples.FlexAlign.Output;

namespace Oompa.Cli.FlexAlign;

/// <summary>
/// The code path shared by <c>oompa flexalign</c> and <c>oompa demo</c>: open and check the movie (and references),
/// align it globally (and locally when patches are given) on the requested backend (<see cref="FlexAlignBackend"/>), and
/// write the outputs all-or-nothing. Input problems surface as
/// <see cref="FlexAlignInputException"/>; nothing is left in the output folder when a run fails (a folder this run
/// created is removed again).
/// </summary>
internal static class FlexAlignRunner
{
    /// <summary>Runs <paramref name="request"/>; progress goes to <paramref name="progress"/>.</summary>
    public static FlexAlignRun Run(FlexAlignRequest request, ILoggerFactory loggerFactory, IProgress<FlexAlignProgress>? progress, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        bool created = !Directory.Exists(request.OutputDirectory);
        try
        {
            return RunChecked(request, loggerFactory, progress, cancellationToken);
        }
        catch when (created)
        {
            RemoveIfEmpty(request.OutputDirectory);
            throw;
        }
    }

    private static FlexAlignRun RunChecked(FlexAlignRequest request, ILoggerFactory loggerFactory, IProgress<FlexAlignProgress>? progress, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        using var source = MrcFrameSource.Open(request.MoviePath, request.GainPath, request.DarkPath, request.GainTransform);
        var settings = new GlobalAlignmentSettings
        {
            PixelSize = request.PixelSize ?? HeaderPixelSize(source),
            MaxResolution = request.MaxResolution,
            MaxShift = request.MaxShift,
        };
        try
        {
            settings.Validate();
        }
        catch (ArgumentOutOfRangeException e)
        {
            throw new FlexAlignInputException($"Invalid settings for '{request.MoviePath}': {FirstLine(e.Message)}", e);
        }

        var device = new CpuDevice(request.Threads);
        using var backend = FlexAlignBackend.Open(request.Backend, device, loggerFactory);
        var algorithms = backend.Algorithms;
        var result = new GlobalAligner(algorithms).Align(source, settings, computeSum: request.Patches is null, progress, cancellationToken);
        LocalAlignmentResult? local = null;
        float[]? sum = null;
        if (request.Patches is { } patches)
        {
            var localSettings = new LocalAlignmentSettings
            {
                PixelSize = settings.PixelSize,
                MaxResolution = settings.MaxResolution,
                PatchSize = request.PatchSize,
                PatchesX = patches.X,
                PatchesY = patches.Y,
            };
            try
            {
                localSettings.Validate();
            }
            catch (ArgumentOutOfRangeException e)
            {
                throw new FlexAlignInputException($"Invalid local-alignment settings for '{request.MoviePath}': {FirstLine(e.Message)}", e);
            }

            local = new LocalAligner(algorithms).Align(source, result.CorrectiveShifts, localSettings, progress, cancellationToken);
            sum = LocalAlignedSum.Compute(source, local, device.ParallelOptions, progress: progress, cancellationToken: cancellationToken);
        }

        double align = clock.Elapsed.TotalSeconds;

        clock.Restart();
        progress?.Report(new FlexAlignProgress("write", 0, 4));
        var record = AlignmentRecord.From(request.MoviePath, source.Width, source.Height, settings, result, sum) with
        {
            Local = local,
            GainPath = request.GainPath,
            DarkPath = request.DarkPath,
            GainTransform = request.GainTransform,
            Backend = algorithms.Backend,
            Threads = device.Threads,
            Workers = algorithms.Workers,
            Timings = [new("align", Math.Round(align, 3))],
        };
        var paths = AlignmentOutputs.Write(request.OutputDirectory, record);
        progress?.Report(new FlexAlignProgress("write", 4, 4));
        return new FlexAlignRun(record, paths, align, clock.Elapsed.TotalSeconds);
    }

    /// <summary>The movie's pixel size from its header, or 1 Å when the header has none.</summary>
    private static double HeaderPixelSize(MrcFrameSource source)
    {
        double size = source.Header.PixelSize;
        return size > 0 && double.IsFinite(size) ? size : 1;
    }

    private static string FirstLine(string message) => message.Split('\n')[0].Trim();

    private static void RemoveIfEmpty(string directory)
    {
        try
        {
            if (Directory.Exists(directory) && !Directory.EnumerateFileSystemEntries(directory).Any())
            {
                Directory.Delete(directory);
            }
        }
        catch (IOException)
        {
            // Best effort: never mask the original failure.
        }
        catch (UnauthorizedAccessException)
        {
            // Same as above.
        }
    }

    /// <summary>One summary line: frames, size, time, max drift, where the outputs are.</summary>
    public static string Summary(FlexAlignRun run)
    {
        ArgumentNullException.ThrowIfNull(run);
        var r = run.Record;
        return string.Create(CultureInfo.InvariantCulture,
            $"aligned {r.Frames} frames of {r.Width}x{r.Height} in {run.AlignSeconds + run.WriteSeconds:F1} s; max drift {r.MaxDrift:F1} px; outputs in {Path.GetDirectoryName(run.Paths.Sum)}");
    }
}
