using Oompa.Core.Devices.OpenCl;
using Oompa.Tuning;
using Oompa.Tuning.Dynamic;
using Oompa.Tuning.Groups;
using Oompa.Tuning.Spaces;
using Oompa.Tuning.Store;

namespace Oompa.Algorithms.Common.OpenCl;

/// <summary>
/// Dynamic tuning of any OpenCL strategy whose <c>Accept</c> is re-entrant (it builds its kernels from
/// <c>Configuration ?? Definition.Default</c> and releases the previous ones). At <c>Init</c> the strategy joins the
/// <see cref="KernelTuner"/> with its tuned kernel and group; on every <c>Execute</c> it runs the lease's configuration
/// for the user's outputs and, while tuning, one candidate on scratch copies of every output buffer (inputs sharing an
/// output buffer read the copy too, so in-place and accumulating kernels see the original data). The candidate is timed
/// with profiling markers under the device's lock and validated against the user's outputs before it counts.
/// </summary>
internal abstract partial class OpenClStrategy<TOut, TIn, TSettings>
{
    private readonly Dictionary<OpenClBuffer, OpenClBuffer> substitutes = new(ReferenceEqualityComparer.Instance);
    private readonly List<ScratchPair?> scratch = [];
    private TuningLease? lease;
    private TSettings acceptedSettings = default!;
    private TuningConfiguration? running;

    /// <summary>The tuner to join at <c>Init</c>; null for <see cref="KernelTuner.Current"/>.</summary>
    public KernelTuner? Tuner { get; set; }

    /// <summary>This strategy's place in tuning after <c>Init</c>; null when it is not tuned (no tuned kernel, explicit configuration).</summary>
    public TuningLease? Tuning => lease;

    /// <summary>
    /// The kernel whose configuration <see cref="Configuration"/> sets. By default the one definition the strategy builds
    /// while accepting (none or several: not tuned); override to name it.
    /// </summary>
    protected virtual OpenClKernelDefinition? TunedKernel => null;

    /// <summary>Relative tolerance of candidate validation (see <see cref="OutputComparison"/>); 1e-4 suits single precision.</summary>
    protected virtual double TuningTolerance => 1e-4;

    /// <summary>
    /// The group this request belongs to; by default <see cref="GroupSignature.Of"/> (payload types and descriptors, and
    /// the settings) with an automatic relation. Override to drop what does not change the best configuration, or to
    /// set <see cref="KernelTuningRequest.Relation"/> and <see cref="KernelTuningRequest.Leader"/>.
    /// </summary>
    protected virtual KernelTuningRequest TuningRequest(OpenClKernelDefinition kernel, TOut output, TIn input, TSettings settings)
    {
        ArgumentNullException.ThrowIfNull(kernel);
        return new KernelTuningRequest(Device.Identity, kernel.Name, TuningStoreKey.HashSource(kernel.Source.Text), kernel.Space, GroupSignature.Of(output, input, settings));
    }

    private void AcceptTuned(TOut output, TIn input, TSettings settings, List<string> reasons)
    {
        acceptedSettings = settings;
        var tuner = Configuration is null ? Tuner ?? KernelTuner.Current : null;
        if (tuner is null || tuner.Mode.Mode == TuningMode.Off)
        {
            Accept(output, input, settings, reasons);
            return;
        }

        var kernel = TunedKernel;
        if (kernel is null)
        {
            using (var recorder = KernelBuildRecorder.Start())
            {
                Accept(output, input, settings, reasons);
                kernel = recorder.Built.Count == 1 ? recorder.Built[0] : null;
            }

            running = kernel?.Default;
            if (reasons.Count > 0 || kernel is null)
            {
                return;
            }
        }

        lease = tuner.Join(TuningRequest(kernel, output, input, settings));
        var wanted = lease.Configuration;
        if (running is not null && wanted == running)
        {
            return;
        }

        if (!TrySwitch(output, input, wanted, reasons) && wanted != kernel.Default)
        {
            lease.Decline(string.Join("; ", reasons));
            reasons.Clear();
            TrySwitch(output, input, kernel.Default, reasons);
        }
    }

    private bool TrySwitch(TOut output, TIn input, TuningConfiguration configuration, List<string> reasons)
    {
        Configuration = configuration;
        running = null;
        try
        {
            Accept(output, input, acceptedSettings, reasons);
        }
        catch (Exception e) when (e is OpenClBuildException or ArgumentException && configuration != lease?.Request.Space.Default)
        {
            reasons.Add($"{configuration.Key}: {e.Message}");
        }

        running = reasons.Count == 0 ? configuration : null;
        return reasons.Count == 0;
    }

    private void RunTuned(TOut output, TIn input)
    {
        var tuning = lease!;
        var wanted = tuning.Configuration;
        if (wanted != running)
        {
            Switch(output, input, wanted, tuning);
        }

        var candidate = tuning.NextCandidate();
        if (candidate is null)
        {
            if (!tuning.IsTuning)
            {
                ReleaseScratch();
            }

            Run(output, input);
            return;
        }

        bool reported = false;
        try
        {
            var copies = Snapshot(output, candidate, tuning, ref reported);
            Run(output, input);
            if (copies is not null)
            {
                // The kernels stay built for the candidate; the next execution switches to the lease's configuration.
                var measurement = Evaluate(output, input, candidate, copies);
                reported = true;
                tuning.Report(candidate, measurement);
            }
        }
        finally
        {
            if (!reported)
            {
                tuning.Report(candidate, TuningMeasurement.Failure(TuningStatus.ComputationFailed, "the execution failed before the candidate ran."));
            }
        }
    }

    private void Switch(TOut output, TIn input, TuningConfiguration configuration, TuningLease tuning)
    {
        var reasons = new List<string>();
        if (TrySwitch(output, input, configuration, reasons))
        {
            return;
        }

        tuning.Decline(string.Join("; ", reasons));
        reasons.Clear();
        if (!TrySwitch(output, input, tuning.Request.Space.Default, reasons))
        {
            throw new InvalidOperationException($"{Name}: the default configuration no longer accepts the request: {string.Join("; ", reasons)}");
        }
    }

    private void ReleaseTuning()
    {
        lease?.Dispose();
        lease = null;
        ReleaseScratch();
    }
}
