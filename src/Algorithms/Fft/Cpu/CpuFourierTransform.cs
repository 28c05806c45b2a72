using Oompa.Algorithms.Common;
using Oompa.Algorithms.Fft.Fftw;
using Oompa.Core.Data;
using Oompa.Core.Devices;
using Oompa.Core.Memory;
using Oompa.Core.Native;

namespace Oompa.Algorithms.Fft.Cpu;

/// <summary>
/// FFTW single precision through cached plans and new-array execution: Init plans for the pointers it is given (or
/// for 64-byte aligned ones when the payloads hold no data), and Execute re-selects a cached plan only when in-place
/// use or a pointer's alignment class differs from the last call.
/// </summary>
internal sealed unsafe class CpuFourierTransform(string name, CpuDevice device, bool multiThreaded)
    : CpuStrategy<FourierTransformOutput, FourierTransformInput, FourierTransformSettings>(name, device, multiThreaded)
{
    private readonly bool multi = multiThreaded;
    private readonly List<PlanLease<FftwPlanKey, FftwPlan>> leases = [];
    private FftwLayout layout = null!;
    private FftwKind kind;
    private FourierTransformSettings settings = FourierTransformSettings.Forward;
    private ParallelOptions? parallel;
    private PlanLease<FftwPlanKey, FftwPlan>? current;
    private MemoryBlock? scratch;
    private bool copyInput;
    private long inBytes;
    private long outBytes;
    private LogicalDescriptor outLayout = null!;
    private float factor;

    public override void Execute(FourierTransformOutput output, FourierTransformInput input)
    {
        nint inBase = input.Data.Physical.Pointer;
        nint outBase = output.Data.Physical.Pointer;
        bool inPlace = inBase == outBase;
        if (inPlace && !layout.InPlaceCapable)
        {
            throw new ArgumentException($"{Name}: input and output share a buffer, but their layouts do not address the same bytes; an in-place transform needs layouts like FourierDescriptor.ForInPlace.", nameof(output));
        }

        if (!inPlace && Overlap(inBase, inBytes, outBase, outBytes))
        {
            throw new ArgumentException($"{Name}: input and output memory overlap without being the same buffer.", nameof(output));
        }

        nint source = inBase + (nint)layout.InOffsetBytes;
        if (!inPlace && copyInput)
        {
            UseScratch();
            FftScaling.Copy(inBase, scratch!.Pointer, inBytes, parallel);
            source = scratch.Pointer + (nint)layout.InOffsetBytes;
        }

        nint destination = outBase + (nint)layout.OutOffsetBytes;
        var lease = current;
        int inAlign = FftwPlanner.AlignmentOf(source);
        int outAlign = FftwPlanner.AlignmentOf(destination);
        if (lease is null || lease.Key.InPlace != inPlace || lease.Key.InAlignment != inAlign || lease.Key.OutAlignment != outAlign)
        {
            lease = Select(inPlace, inAlign, outAlign);
            if (lease is null && copyInput)
            {
                throw FftwPlanner.PlanFailed(layout.Shape with { InPlace = inPlace, InAlignment = inAlign, OutAlignment = outAlign });
            }

            if (lease is null)
            {
                // FFTW could not preserve the input for this alignment: fall back to transforming a copy.
                UseScratch();
                Execute(output, input);
                return;
            }
        }

        Run(lease.Plan, source, destination);
        if (settings.Normalize)
        {
            FftScaling.Scale(outBase, outLayout, output.Data.Physical.Type.Size / sizeof(float), factor, parallel);
        }
    }

    protected override void Accept(FourierTransformOutput output, FourierTransformInput input, FourierTransformSettings settings, List<string> reasons)
    {
        if (!Fftw.Fftw.IsAvailable)
        {
            reasons.Add(new NativeLibraryMissingException(Fftw.Fftw.Library).Message);
            return;
        }

        int threads = multi ? settings.Threads ?? Device.Threads : 1;
        if (threads > 1 && !FftwPlanner.ThreadsReady)
        {
            reasons.Add($"{threads} threads were asked for, but FFTW's threads library could not be initialised: {new NativeLibraryMissingException(Fftw.Fftw.ThreadsLibrary).Message}");
            return;
        }

        var source = input.Data;
        var target = output.Data;
        bool forward = settings.Direction == FourierDirection.Forward;
        kind = FourierTransform.KindOf(source.Descriptor, settings.Direction);
        var inLayout = forward ? source.Descriptor.Spatial : source.Descriptor.Frequency;
        outLayout = forward ? target.Descriptor.Frequency : target.Descriptor.Spatial;
        var described = FftwLayout.Describe(kind, source.Descriptor.SpatialSize, inLayout, outLayout, reasons);
        if (described is null)
        {
            return;
        }

        bool known = !source.IsEmpty && !target.IsEmpty;
        bool inPlace = known && source.Physical.Pointer == target.Physical.Pointer;
        if (inPlace && !described.InPlaceCapable)
        {
            reasons.Add($"input and output share a buffer, but input member 'Data' ({inLayout}) and output member 'Data' ({outLayout}) do not address the same bytes; in-place transforms need layouts like FourierDescriptor.ForInPlace.");
            return;
        }

        if (known && !inPlace && Overlap(source.Physical.Pointer, source.RequiredBytes, target.Physical.Pointer, target.RequiredBytes))
        {
            reasons.Add("input member 'Data' and output member 'Data' overlap without being the same buffer; pass the same pointer for an in-place transform or separate buffers.");
            return;
        }

        this.settings = settings;
        layout = described with { Shape = described.Shape with { Threads = threads, Flags = FftwFlags.Of(settings.PlannerEffort) } };
        parallel = threads > 1 ? new ParallelOptions { MaxDegreeOfParallelism = threads } : null;
        inBytes = source.RequiredBytes;
        outBytes = target.RequiredBytes;
        factor = source.Descriptor.NormalizationFactor;

        // FFTW's complex-to-real transforms destroy their input. Rank 1 can plan to preserve it; otherwise (and
        // whenever FFTW declines) the strategy transforms a scratch copy.
        copyInput = kind == FftwKind.ComplexToReal && !settings.AllowInputOverwrite && layout.Shape.Rank > 1;
        if (copyInput && !inPlace)
        {
            UseScratch();
        }

        nint inStart = (known ? source.Physical.Pointer : 4096) + (nint)layout.InOffsetBytes;
        nint outStart = inPlace ? inStart : (known ? target.Physical.Pointer : 4096) + (nint)layout.OutOffsetBytes;
        if (copyInput && !inPlace)
        {
            inStart = scratch!.Pointer + (nint)layout.InOffsetBytes;
        }

        if (Select(inPlace, FftwPlanner.AlignmentOf(inStart), FftwPlanner.AlignmentOf(outStart)) is null)
        {
            UseScratch();
            inStart = scratch!.Pointer + (nint)layout.InOffsetBytes;
            _ = Select(inPlace, FftwPlanner.AlignmentOf(inStart), FftwPlanner.AlignmentOf(outStart))
                ?? throw FftwPlanner.PlanFailed(layout.Shape);
        }
    }

    protected override void Dispose(bool disposing)
    {
        foreach (var lease in leases)
        {
            lease.Dispose();
        }

        leases.Clear();
        current = null;
        scratch?.Dispose();
        scratch = null;
    }

    /// <summary>The cached plan for this use, or null when FFTW cannot preserve the input that way.</summary>
    private PlanLease<FftwPlanKey, FftwPlan>? Select(bool inPlace, int inAlign, int outAlign)
    {
        bool preserve = kind == FftwKind.ComplexToReal && !inPlace && !copyInput && !settings.AllowInputOverwrite;
        var key = layout.Shape with
        {
            InPlace = inPlace,
            InAlignment = inAlign,
            OutAlignment = outAlign,
            Flags = layout.Shape.Flags | (preserve ? FftwFlags.PreserveInput : 0),
        };
        foreach (var held in leases)
        {
            if (held.Key == key)
            {
                return current = held;
            }
        }

        var lease = FftwPlanCache.Shared.Acquire(key);
        if (lease is not null)
        {
            leases.Add(lease);
            current = lease;
        }

        return lease;
    }

    private static bool Overlap(nint a, long aBytes, nint b, long bBytes) => a < b + (nint)bBytes && b < a + (nint)aBytes;

    private void UseScratch()
    {
        copyInput = true;
        scratch ??= HostAllocator.Shared.Allocate(inBytes, new AllocationOptions(Alignment: 64));
    }

    private void Run(FftwPlan plan, nint source, nint destination)
    {
        switch (kind)
        {
            case FftwKind.RealToComplex:
                FftwNative.fftwf_execute_dft_r2c(plan, (float*)source, (ComplexF*)destination);
                break;
            case FftwKind.ComplexToReal:
                FftwNative.fftwf_execute_dft_c2r(plan, (ComplexF*)source, (float*)destination);
                break;
            default:
                FftwNative.fftwf_execute_dft(plan, (ComplexF*)source, (ComplexF*)destination);
                break;
        }
    }
}
