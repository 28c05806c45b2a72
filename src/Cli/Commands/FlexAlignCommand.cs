using System.CommandLine;
using Oompa.Cli.FlexAlign;
using Oompa.Samples.FlexAlign.Movie;

namespace Oompa.Cli.Commands;

/// <summary>
/// <c>oompa flexalign</c>: global (and, with <c>--patches</c>, local) alignment of one MRC movie (gain/dark correction,
/// FlexAlign correlation, aligned sum),
/// writing <c>&lt;movie&gt;.mrc/.star/.json/.svg</c> into <c>--out</c>. Progress on stderr, one summary line on stdout;
/// input errors exit 1 with the problem and the file on stderr and nothing written.
/// </summary>
internal sealed class FlexAlignCommand : Command
{
    /// <summary>The backends <c>--backend</c> accepts.</summary>
    public static IReadOnlyList<string> Backends => FlexAlignBackend.Names;

    private readonly GlobalOptions options;
    private readonly Option<string> movie = new("--movie") { Description = "The movie: an MRC stack, one section per frame", Required = true };
    private readonly Option<string?> gain = new("--gain") { Description = "Gain reference (MRC); frames are multiplied by it" };
    private readonly Option<string?> dark = new("--dark") { Description = "Dark reference (MRC); subtracted before the gain" };
    private readonly Option<int> rotGain = new("--rot-gain") { Description = "Rotate the references by 90° × N counter-clockwise (0..3)", DefaultValueFactory = _ => 0 };
    private readonly Option<int> flipGain = new("--flip-gain") { Description = "Then flip them: 0 none, 1 upside down, 2 left to right", DefaultValueFactory = _ => 0 };
    private readonly Option<double?> pixelSize = new("--pixel-size") { Description = "Pixel size in Å [default: from the MRC header, else 1]" };
    private readonly Option<double> maxResolution = new("--max-res") { Description = "Finest resolution used for correlation, in Å", DefaultValueFactory = _ => 30 };
    private readonly Option<double> maxShift = new("--max-shift") { Description = "Largest shift between any two frames, in Å", DefaultValueFactory = _ => 50 };
    private readonly Option<string> backend = new("--backend")
    {
        Description = "Compute backend: cpu (multi-threaded CPU), opencl (first OpenCL device, CPU for what it declines), auto (the task scheduler: a worker per CPU thread and per OpenCL GPU or accelerator)",
        DefaultValueFactory = _ => "cpu",
    };
    private readonly Option<int?> threads = new("--threads") { Description = "CPU threads [default: all cores]" };
    private readonly Option<double> patchSize = new("--patch-size") { Description = "Side of a local-alignment patch, in Å", DefaultValueFactory = _ => 500 };
    private readonly Option<int[]?> patches = new("--patches")
    {
        Description = "Also align locally with X × Y patches and a cubic B-spline motion model (e.g. --patches 7 7) [default: global only]",
        Arity = new ArgumentArity(2, 2),
        AllowMultipleArgumentsPerToken = true,
    };
    private readonly Option<string> output = new("--out") { Description = "Output folder (created when missing)", Required = true };

    /// <summary>Creates the command.</summary>
    public FlexAlignCommand(GlobalOptions options)
        : base("flexalign", "Align an MRC movie (globally, and locally with --patches) and write the aligned sum, RELION STAR, JSON and SVG trajectory")
    {
        ArgumentNullException.ThrowIfNull(options);
        this.options = options;
        foreach (var option in new Option[] { movie, gain, dark, rotGain, flipGain, pixelSize, maxResolution, maxShift, patches, patchSize, backend, threads, output })
        {
            Options.Add(option);
        }

        AddValidators(rotGain, flipGain, pixelSize, maxResolution, maxShift, backend, threads);
        patches.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<int[]?>() is { } p && (p.Length != 2 || p[0] < 1 || p[1] < 1))
            {
                r.AddError("--patches takes two positive counts, X and Y (e.g. --patches 7 7).");
            }
        });
        patchSize.Validators.Add(r => { if (!(r.GetValueOrDefault<double>() > 0)) { r.AddError("--patch-size must be a positive number of Å."); } });
        SetAction(Run);
    }

    /// <summary>Adds the checks shared by <c>flexalign</c> and <c>demo</c>.</summary>
    internal static void AddValidators(Option<int>? rot, Option<int>? flip, Option<double?>? pixel, Option<double>? maxRes, Option<double>? shift, Option<string>? backendOption, Option<int?> threadsOption)
    {
        rot?.Validators.Add(r => { if (r.GetValueOrDefault<int>() is < 0 or > 3) { r.AddError("--rot-gain must be 0, 1, 2 or 3 (× 90° counter-clockwise)."); } });
        flip?.Validators.Add(r => { if (r.GetValueOrDefault<int>() is < 0 or > 2) { r.AddError("--flip-gain must be 0 (none), 1 (upside down) or 2 (left to right)."); } });
        pixel?.Validators.Add(r => { if (r.GetValueOrDefault<double?>() is { } v && !(v > 0 && double.IsFinite(v))) { r.AddError("--pixel-size must be a positive number of Å."); } });
        maxRes?.Validators.Add(r => { if (!(r.GetValueOrDefault<double>() > 0)) { r.AddError("--max-res must be a positive number of Å."); } });
        shift?.Validators.Add(r => { if (!(r.GetValueOrDefault<double>() > 0)) { r.AddError("--max-shift must be a positive number of Å."); } });
        backendOption?.Validators.Add(r =>
        {
            string value = r.GetValueOrDefault<string>();
            if (!Backends.Contains(value, StringComparer.Ordinal))
            {
                r.AddError($"Backend '{value}' is not available; available backends: {string.Join(", ", Backends)}.");
            }
        });
        threadsOption.Validators.Add(r => { if (r.GetValueOrDefault<int?>() is < 1) { r.AddError("--threads must be at least 1."); } });
    }

    private int Run(ParseResult parseResult)
    {
        var request = new FlexAlignRequest
        {
            MoviePath = parseResult.GetRequiredValue(movie),
            OutputDirectory = parseResult.GetRequiredValue(output),
            GainPath = parseResult.GetValue(gain),
            DarkPath = parseResult.GetValue(dark),
            GainTransform = new GainTransform(parseResult.GetValue(rotGain), parseResult.GetValue(flipGain)),
            PixelSize = parseResult.GetValue(pixelSize),
            MaxResolution = parseResult.GetValue(maxResolution),
            MaxShift = parseResult.GetValue(maxShift),
            Threads = parseResult.GetValue(threads),
            Patches = parseResult.GetValue(patches) is [int px, int py] ? (px, py) : null,
            PatchSize = parseResult.GetValue(patchSize),
            Backend = parseResult.GetRequiredValue(backend),
        };
        var stdout = parseResult.InvocationConfiguration.Output;
        var stderr = parseResult.InvocationConfiguration.Error;
        using var loggerFactory = options.CreateLoggerFactory(parseResult);
        return CommandErrors.Guard("oompa flexalign", stderr, () =>
        {
            var run = FlexAlignRunner.Run(request, loggerFactory, new StageProgress(stderr, "oompa flexalign"));
            stdout.WriteLine(FlexAlignRunner.Summary(run));
            return 0;
        });
    }
}
