using System.CommandLine;
using Oompa.Algorithms.Reconstruction.Insertion;
using Oompa.Algorithms.Reconstruction.Symmetry;
using Oompa.Cli.Reconstruct;
using Oompa.Samples.FourierReconstruction;
using Oompa.Samples.FourierReconstruction.Pipeline;

namespace Oompa.Cli.Commands;

/// <summary>
/// <c>oompa reconstruct</c>: 3D Fourier reconstruction of a RELION particles STAR file into an MRC volume. Progress on
/// stderr, one summary line on stdout; input errors exit 1 with the problem (file, column, row) on stderr and no
/// output file.
/// </summary>
internal sealed class ReconstructCommand : Command
{
    private readonly GlobalOptions options;
    private readonly Option<string> particles = new("--particles") { Description = "RELION 3.1 particles STAR file (data_optics + data_particles; _rlnImageName index@stack.mrcs, _rlnAngleRot/Tilt/Psi, origins in Å or px)", Required = true };
    private readonly Option<string> symmetry = new("--sym") { Description = $"Point-group symmetry ({SymmetryGroup.AcceptedNames})", DefaultValueFactory = _ => "C1" };
    private readonly Option<double> padding = new("--pad") { Description = "Padding factor of projections and volume (1..8)", DefaultValueFactory = _ => 2 };
    private readonly Option<double> maxResolution = new("--max-res") { Description = "Highest frequency kept, in cycles per pixel (0 < f ≤ 0.5; 0.5 is Nyquist)", DefaultValueFactory = _ => 0.5 };
    private readonly Option<double[]?> blob = new("--blob")
    {
        Description = "Kaiser–Bessel blob: radius (Fourier voxels), order (0..4), alpha [default: 1.9 0 15]",
        Arity = new ArgumentArity(3, 3),
        AllowMultipleArgumentsPerToken = true,
    };
    private readonly Option<bool> fast = new("--fast") { Description = "Nearest-neighbour insertion, blob applied once at the end (faster, slightly less accurate)" };
    private readonly Option<string> backend = new("--backend") { Description = "Compute backend: cpu; opencl (first OpenCL device first, G and W kept on it; CPU for what it declines); auto (every CPU core and OpenCL device through the task scheduler, per-worker partial volumes summed at the end)", DefaultValueFactory = _ => "cpu" };
    private readonly Option<int?> threads = new("--threads") { Description = "CPU threads [default: all cores]" };
    private readonly Option<string> output = new("--out") { Description = "Output MRC volume (written atomically; its folder is created when missing)", Required = true };

    /// <summary>Creates the command.</summary>
    public ReconstructCommand(GlobalOptions options)
        : base("reconstruct", "Reconstruct a 3D volume from a RELION particles STAR file by direct Fourier inversion with symmetry")
    {
        ArgumentNullException.ThrowIfNull(options);
        this.options = options;
        foreach (var option in new Option[] { particles, symmetry, padding, maxResolution, blob, fast, backend, threads, output })
        {
            Options.Add(option);
        }

        padding.Validators.Add(r => { if (r.GetValueOrDefault<double>() is not (>= 1 and <= 8)) { r.AddError("--pad must lie in [1, 8]."); } });
        maxResolution.Validators.Add(r => { if (r.GetValueOrDefault<double>() is not (> 0 and <= 0.5)) { r.AddError("--max-res must lie in (0, 0.5] cycles per pixel."); } });
        blob.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<double[]?>() is not { } b)
            {
                return;
            }

            if (b.Length != 3 || !(b[0] > 0 && b[0] <= 8) || b[1] != Math.Floor(b[1]) || b[1] is < 0 or > 4 || !(b[2] > 0 && b[2] <= 100))
            {
                r.AddError("--blob takes a radius in (0, 8] Fourier voxels, an integer order 0..4 and an alpha in (0, 100] (e.g. --blob 1.9 0 15).");
            }
        });
        backend.Validators.Add(r =>
        {
            string value = r.GetValueOrDefault<string>();
            if (!AlgorithmProvider.Backends.Contains(value, StringComparer.Ordinal))
            {
                r.AddError($"Backend '{value}' is not available for reconstruct; available: {string.Join(", ", AlgorithmProvider.Backends)} .");
            }
        });
        threads.Validators.Add(r => { if (r.GetValueOrDefault<int?>() is < 1) { r.AddError("--threads must be at least 1."); } });
        SetAction(Run);
    }

    private int Run(ParseResult parseResult)
    {
        var insertion = FourierInsertionSettings.Default;
        if (parseResult.GetValue(blob) is [double radius, double order, double alpha])
        {
            insertion = insertion with { BlobRadius = radius, BlobOrder = (int)order, BlobAlpha = alpha };
        }

        if (parseResult.GetValue(fast))
        {
            insertion = insertion with { Mode = InsertionMode.NearestNeighbour };
        }

        var request = new ReconstructionRequest
        {
            ParticlesPath = parseResult.GetRequiredValue(particles),
            OutputPath = parseResult.GetRequiredValue(output),
            Symmetry = parseResult.GetRequiredValue(symmetry),
            Padding = parseResult.GetValue(padding),
            MaxResolution = parseResult.GetValue(maxResolution),
            Insertion = insertion,
            Threads = parseResult.GetValue(threads),
            Backend = parseResult.GetRequiredValue(backend),
        };
        var stdout = parseResult.InvocationConfiguration.Output;
        var stderr = parseResult.InvocationConfiguration.Error;
        using var loggerFactory = options.CreateLoggerFactory(parseResult);
        return CommandErrors.Guard("oompa reconstruct", stderr, () =>
        {
            var summary = ReconstructionJob.Run(request, new ReconstructionProgressWriter(stderr, "oompa reconstruct"), loggerFactory);
            stdout.WriteLine(summary.ToString());
            return 0;
        });
    }
}
