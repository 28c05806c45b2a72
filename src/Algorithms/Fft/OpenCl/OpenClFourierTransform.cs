using Oompa.Algorithms.Common;
using Oompa.Algorithms.Common.OpenCl;
using Oompa.Algorithms.Fft.ClFft;
using Oompa.Algorithms.Fft.Fftw;
using Oompa.Core.Data;
using Oompa.Core.Devices.OpenCl;
using Oompa.Core.Native;

namespace Oompa.Algorithms.Fft.OpenCl;

/// <summary>
/// clFFT single precision, interleaved complex, with plans baked once per device and shape (see
/// <see cref="ClFftPlanCache"/>). Layout strides and distances go to clFFT as they are; clFFT's API has no offsets, so
/// begin padding is handled by transforming a device copy that starts at the first data element. Normalisation is the
/// plan's scale. An out-of-place inverse real transform reads a copy of its input unless the settings allow
/// overwriting it, since clFFT does not promise to preserve the input of complex-to-real transforms.
/// </summary>
internal sealed class OpenClFourierTransform(string name, OpenClDevice device)
    : OpenClStrategy<FourierTransformOutput, FourierTransformInput, FourierTransformSettings>(name, device)
{
    private static readonly string[] Axes = ["X", "Y", "Z"];
    private readonly ClFftPlanCache cache = ClFftPlanCache.For(device);
    private FftwLayout layout = null!;
    private float scale = 1;
    private bool copyInput;
    private PlanLease<ClFftPlanKey, ClFftPlan>? outOfPlace;
    private PlanLease<ClFftPlanKey, ClFftPlan>? inPlace;
    private OpenClBuffer? scratchIn;
    private OpenClBuffer? scratchOut;

    protected override void Accept(FourierTransformOutput output, FourierTransformInput input, FourierTransformSettings settings, List<string> reasons)
    {
        if (ClFftRuntime.EnsureSetup() is { } failure)
        {
            reasons.Add(failure);
            return;
        }

        var source = input.Data;
        var target = output.Data;
        bool forward = settings.Direction == FourierDirection.Forward;
        var kind = FourierTransform.KindOf(source.Descriptor, settings.Direction);
        var spatial = source.Descriptor.SpatialSize;
        CheckLengths(spatial, reasons);
        var inLayout = forward ? source.Descriptor.Spatial : source.Descriptor.Frequency;
        var outLayout = forward ? target.Descriptor.Frequency : target.Descriptor.Spatial;
        var described = FftwLayout.Describe(kind, spatial, inLayout, outLayout, reasons);
        if (described is null || reasons.Count > 0)
        {
            return;
        }

        bool known = !source.IsEmpty && !target.IsEmpty;
        bool shared = known && SameMemory(source, target);
        if (shared && !described.InPlaceCapable)
        {
            reasons.Add($"input and output share a buffer, but input member 'Data' ({inLayout}) and output member 'Data' ({outLayout}) do not address the same bytes; in-place transforms need layouts like FourierDescriptor.ForInPlace.");
            return;
        }

        if (known && !shared && HostOverlap(source, target))
        {
            reasons.Add("input member 'Data' and output member 'Data' overlap without being the same buffer; pass the same pointer for an in-place transform or separate buffers.");
            return;
        }

        layout = described;
        scale = settings.Normalize ? source.Descriptor.NormalizationFactor : 1f;
        copyInput = kind == FftwKind.ComplexToReal && !settings.AllowInputOverwrite;
        try
        {
            _ = Plan(shared);
        }
        catch (NativeCallException e)
        {
            reasons.Add($"clFFT could not bake a plan for {ClFftPlanKey.Of(layout.Shape, shared, scale).Describe()} on {Device.Name}: {e.Message}");
        }
    }

    protected override void Run(FourierTransformOutput output, FourierTransformInput input)
    {
        var inBuffer = Buffer(input.Data);
        var outBuffer = Buffer(output.Data);
        bool shared = ReferenceEquals(inBuffer, outBuffer);
        if (shared && !layout.InPlaceCapable)
        {
            throw new ArgumentException($"{Name}: input and output share a buffer, but their layouts do not address the same bytes; an in-place transform needs layouts like FourierDescriptor.ForInPlace.", nameof(output));
        }

        if (!shared && HostOverlap(input.Data, output.Data))
        {
            throw new ArgumentException($"{Name}: input and output memory overlap without being the same buffer.", nameof(output));
        }

        var plan = Plan(shared).Plan;
        if (shared)
        {
            RunInPlace(plan, inBuffer, Math.Min(inBuffer.Bytes, Math.Max(input.Data.RequiredBytes, output.Data.RequiredBytes)));
        }
        else
        {
            RunOutOfPlace(plan, inBuffer, input.Data.RequiredBytes, outBuffer, output.Data.RequiredBytes);
        }
    }

    protected override void Dispose(bool disposing)
    {
        outOfPlace?.Dispose();
        inPlace?.Dispose();
        outOfPlace = inPlace = null;
        scratchIn?.Dispose();
        scratchOut?.Dispose();
        scratchIn = scratchOut = null;
        base.Dispose(disposing);
    }

    private static void CheckLengths(Size spatial, List<string> reasons)
    {
        int rank = spatial.Z > 1 ? 3 : spatial.Y > 1 ? 2 : 1;
        int[] lengths = [spatial.X, spatial.Y, spatial.Z];
        for (int axis = 0; axis < rank; axis++)
        {
            if (ClFft.ClFft.UnsupportedFactor(lengths[axis]) is { } factor)
            {
                reasons.Add($"input member 'Data': SpatialSize.{Axes[axis]} is {lengths[axis]}, which clFFT cannot transform (prime factor {factor}; clFFT supports lengths whose prime factors are 2, 3, 5, 7, 11 and 13, see FastSize for nearby sizes).");
            }
        }
    }

    /// <summary>Whether two payloads that hold data are the same memory (an in-place request).</summary>
    private static bool SameMemory(IPayload a, IPayload b) =>
        a.Physical.Node.IsHost && b.Physical.Node.IsHost
            ? a.Physical.Pointer == b.Physical.Pointer
            : a.Physical.Handle is { } handle && ReferenceEquals(handle, b.Physical.Handle);

    /// <summary>Whether two host payloads at different pointers overlap (device buffers never do).</summary>
    private static bool HostOverlap(IPayload a, IPayload b)
    {
        if (!a.Physical.Node.IsHost || !b.Physical.Node.IsHost || a.Physical.Pointer == b.Physical.Pointer)
        {
            return false;
        }

        nint pa = a.Physical.Pointer;
        nint pb = b.Physical.Pointer;
        return pa < pb + (nint)b.RequiredBytes && pb < pa + (nint)a.RequiredBytes;
    }

    private PlanLease<ClFftPlanKey, ClFftPlan> Plan(bool shared)
    {
        if (shared)
        {
            return inPlace ??= cache.Acquire(ClFftPlanKey.Of(layout.Shape, inPlace: true, scale));
        }

        return outOfPlace ??= cache.Acquire(ClFftPlanKey.Of(layout.Shape, inPlace: false, scale));
    }

    private void RunInPlace(ClFftPlan plan, OpenClBuffer buffer, long requiredBytes)
    {
        long offset = layout.InOffsetBytes;
        if (offset == 0)
        {
            plan.Enqueue(buffer, buffer);
            return;
        }

        long bytes = requiredBytes - offset;
        var scratch = Scratch(ref scratchOut, bytes);
        Queue.Copy(buffer, offset, scratch, 0, bytes);
        plan.Enqueue(scratch, scratch);
        Queue.Copy(scratch, 0, buffer, offset, bytes);
    }

    private void RunOutOfPlace(ClFftPlan plan, OpenClBuffer input, long inRequired, OpenClBuffer output, long outRequired)
    {
        var source = input;
        long inOffset = layout.InOffsetBytes;
        if (inOffset != 0 || copyInput)
        {
            long bytes = inRequired - inOffset;
            source = Scratch(ref scratchIn, bytes);
            Queue.Copy(input, inOffset, source, 0, bytes);
        }

        long outOffset = layout.OutOffsetBytes;
        if (outOffset == 0)
        {
            plan.Enqueue(source, output);
            return;
        }

        // The copy carries the output's padding through, so that copying back leaves it untouched.
        long outBytes = outRequired - outOffset;
        var destination = Scratch(ref scratchOut, outBytes);
        Queue.Copy(output, outOffset, destination, 0, outBytes);
        plan.Enqueue(source, destination);
        Queue.Copy(destination, 0, output, outOffset, outBytes);
    }

    private OpenClBuffer Scratch(ref OpenClBuffer? buffer, long bytes)
    {
        if (buffer is null || buffer.Bytes < bytes)
        {
            buffer?.Dispose();
            buffer = Device.Allocator.AllocateBuffer(bytes);
        }

        return buffer;
    }
}
