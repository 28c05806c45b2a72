using Oompa.Algorithms.Common.OpenCl;
using Oompa.Core.Devices.OpenCl;

namespace Oompa.Algorithms.Extrema.OpenCl;

/// <summary>
/// Finds extrema with the kernels of <see cref="ExtremaKernels.Search"/>: each signal's search box is split into
/// <c>groups</c> contiguous chunks (more chunks for fewer signals, so a batch of one large signal still fills the device;
/// one chunk per signal once the batch alone holds <see cref="TargetGroups"/> signals), every chunk reduces to a
/// (score, index) pair, the pairs of a signal are combined, and one work-item per signal refines. Batches of any size run:
/// launches cap their work-groups and the kernels loop over the rest.
/// </summary>
internal sealed class OpenClExtremaFinder(string name, OpenClDevice device)
    : OpenClStrategy<ExtremaOutput, ExtremaInput, ExtremaSettings>(name, device)
{
    /// <summary>Work-groups a batch is split into, at most (fewer when signals are small).</summary>
    internal const int TargetGroups = 4096;

    /// <summary>Work-groups per launch, at most; kernels loop over further slots.</summary>
    private const int MaxLaunchGroups = 65536;

    private OpenClKernel? partial;
    private OpenClKernel? combine;
    private OpenClKernel? refine;
    private OpenClBuffer? scores;
    private OpenClBuffer? indices;
    private ExtremaSettings settings = ExtremaSettings.MaxOfEntire;
    private ExtremaBox box;
    private ExtremaBox scan;
    private BoxStart start;
    private int signals;
    private int groups;
    private int chunk;
    private long groupSize;

    protected override void Accept(ExtremaOutput output, ExtremaInput input, ExtremaSettings settings, List<string> reasons)
    {
        var layout = input.Data.Descriptor;
        if (settings.Location.Resolve(layout.Size) is not { } resolved)
        {
            reasons.Add($"settings: Location {settings.Location} does not fit inside member 'Data' ({layout.Size}).");
            return;
        }

        var configuration = Configuration ?? ExtremaKernels.Search.Default;
        var program = ExtremaKernels.Search.Build(Device, configuration);
        Release();
        partial = program.CreateKernel("extrema_partial");
        combine = program.CreateKernel("extrema_combine");
        refine = program.CreateKernel("extrema_refine");
        groupSize = configuration["WG_SIZE"];
        foreach (var kernel in new[] { partial, combine, refine })
        {
            if (groupSize > kernel.MaxWorkGroupSize)
            {
                reasons.Add($"work-group size {groupSize} exceeds the {kernel.MaxWorkGroupSize} {Device.Name} allows for kernel {kernel.Name}.");
            }
        }

        if (reasons.Count > 0)
        {
            return;
        }

        this.settings = settings;
        box = ExtremaBox.Of(layout, resolved, settings.Type);
        scan = ExtremaBox.Scan(layout, resolved, settings.Type);
        start = new BoxStart(resolved.X, resolved.Y, resolved.Z, 0);
        signals = layout.Size.N;
        (groups, chunk) = Split(box.Count, signals, groupSize * configuration["ITEMS"]);
        scores = Device.Allocator.AllocateBuffer((long)signals * groups * sizeof(float));
        indices = Device.Allocator.AllocateBuffer((long)signals * groups * sizeof(int));
    }

    protected override void Run(ExtremaOutput output, ExtremaInput input)
    {
        var data = Buffer(input.Data);
        int slots = signals * groups;
        partial!.Set(0, data).Set(1, scan).Set(2, signals).Set(3, groups).Set(4, chunk).Set(5, scores!).Set(6, indices!);
        Queue.Launch(partial, new OpenClRange([Math.Min(slots, MaxLaunchGroups) * groupSize], [groupSize]));
        if (groups > 1)
        {
            combine!.Set(0, signals).Set(1, groups).Set(2, scores!).Set(3, indices!);
            Queue.Launch(combine, new OpenClRange([Math.Min(signals, MaxLaunchGroups) * groupSize], [groupSize]));
        }

        var values = output.Values is { } v ? Buffer(v) : indices!;
        var locations = output.Locations is { } l ? Buffer(l) : indices!;
        int write = (output.Values is null ? 0 : 1) | (output.Locations is null ? 0 : 2);
        refine!.Set(0, data).Set(1, box).Set(2, signals).Set(3, groups).Set(4, indices!).Set(5, (int)settings.Precision)
            .Set(6, start).Set(7, write).Set(8, values).Set(9, locations);
        Queue.Launch(refine, OpenClRange.Linear(Math.Min(signals, MaxLaunchGroups * groupSize), groupSize));
    }

    protected override void Dispose(bool disposing)
    {
        Release();
        base.Dispose(disposing);
    }

    /// <summary>
    /// Chunks per signal and elements per chunk for boxes of <paramref name="count"/> elements: enough chunks to give
    /// each work-item about <paramref name="perGroup"/>/group-size elements, at most <see cref="TargetGroups"/> over the
    /// batch (at least one per signal); chunks are multiples of the group size so work-items start aligned.
    /// </summary>
    internal static (int Groups, int Chunk) Split(long count, int signals, long perGroup)
    {
        long wanted = (count + perGroup - 1) / perGroup;
        long cap = Math.Max(1, TargetGroups / signals);
        long groups = Math.Clamp(wanted, 1, cap);
        if (groups == 1)
        {
            return (1, (int)count);
        }

        long chunk = (count + groups - 1) / groups;
        chunk = (chunk + perGroup - 1) / perGroup * perGroup;
        return ((int)((count + chunk - 1) / chunk), (int)chunk);
    }

    /// <summary>The box's first element in the signal's frame: the kernel's <c>int4 start</c>.</summary>
    [System.Runtime.InteropServices.StructLayout(System.Runtime.InteropServices.LayoutKind.Sequential)]
    private readonly record struct BoxStart(int X, int Y, int Z, int W);

    private void Release()
    {
        partial?.Dispose();
        combine?.Dispose();
        refine?.Dispose();
        scores?.Dispose();
        indices?.Dispose();
        (partial, combine, refine, scores, indices) = (null, null, null, null, null);
    }
}
