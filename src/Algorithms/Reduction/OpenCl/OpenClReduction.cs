using System.Globalization;
using Oompa.Algorithms.Common.OpenCl;
using Oompa.Core.Data;
using Oompa.Core.Devices.OpenCl;

namespace Oompa.Algorithms.Reduction.OpenCl;

/// <summary>
/// PiecewiseAdd with <see cref="ReductionKernels.PiecewiseAdd"/> (vector loads over rows, one IEEE addition per scalar,
/// so results are bit-identical to the CPU's). Statistics with <see cref="ReductionKernels.Statistics"/>: each signal is
/// split into chunks (more for fewer signals, one per signal once the batch alone holds <see cref="TargetGroups"/>
/// signals), chunks reduce by trees in local memory, and a second kernel combines a signal's chunks. Sums accumulate in
/// double where the device has it, else in float-float (Float32 input only). Batches of any size run: launches cap
/// their work-groups and the kernels loop over the rest.
/// </summary>
/// <param name="name">The strategy's name.</param>
/// <param name="device">The device the kernels run on.</param>
/// <param name="floatFloat">Accumulate sums in float-float even on a device with double (what devices without double
/// do with Float32 input; lets tests run that path on any device). Float64 input always sums in double.</param>
internal sealed class OpenClReduction(string name, OpenClDevice device, bool floatFloat = false)
    : OpenClStrategy<ReductionOutput, ReductionInput, ReductionSettings>(name, device)
{
    /// <summary>Work-groups a batch's statistics are split into, at most (fewer when signals are small).</summary>
    internal const int TargetGroups = 4096;

    /// <summary>Work-groups per launch, at most; kernels loop over further slots.</summary>
    private const int MaxLaunchGroups = 65536;

    private OpenClKernel? first;
    private OpenClKernel? second;
    private OpenClBuffer? partials;
    private ReductionSettings settings = ReductionSettings.PiecewiseAdd;
    private long groupSize;
    private OpenClLayout layout;
    private int components;
    private int contiguous;
    private long width;
    private long rows;
    private long blocks;
    private ReductionGeometry geometry;
    private int groups;
    private int chunk;

    protected override void Accept(ReductionOutput output, ReductionInput input, ReductionSettings settings, List<string> reasons)
    {
        var data = input.Data;
        var type = data.Physical.Type;
        if (type == DataType.Float64 && !Device.Info.SupportsDouble)
        {
            reasons.Add($"member 'Data' holds Float64 but {Device.Name} has no double precision.");
            return;
        }

        var definition = settings.IsPerSignal ? ReductionKernels.Statistics : ReductionKernels.PiecewiseAdd;
        var configuration = Configuration ?? definition.Default;
        var constants = new List<KeyValuePair<string, string>> { new("T", type == DataType.Float64 ? "double" : "float") };
        if (type == DataType.Float64)
        {
            constants.Add(new("IS_DOUBLE", "1"));
        }

        if (settings.IsPerSignal)
        {
            int op = settings.Operation switch { ReductionOperation.Min => 1, ReductionOperation.Max => 2, _ => 0 };
            constants.Add(new("OP", op.ToString(CultureInfo.InvariantCulture)));
            if (op == 0 && (type == DataType.Float64 || (Device.Info.SupportsDouble && !floatFloat)))
            {
                constants.Add(new("ACC_DOUBLE", "1"));
            }
        }

        var program = definition.Build(Device, configuration, constants);
        Release();
        first = program.CreateKernel(settings.IsPerSignal ? "statistics_partial" : "piecewise_add");
        second = settings.IsPerSignal ? program.CreateKernel("statistics_combine") : null;
        groupSize = configuration["WG_SIZE"];
        foreach (var kernel in new[] { first, second })
        {
            if (kernel is not null && groupSize > kernel.MaxWorkGroupSize)
            {
                reasons.Add($"work-group size {groupSize} exceeds the {kernel.MaxWorkGroupSize} {Device.Name} allows for kernel {kernel.Name}.");
            }
        }

        if (reasons.Count > 0)
        {
            return;
        }

        this.settings = settings;
        var descriptor = data.Descriptor;
        long perGroup = groupSize * configuration["ITEMS"];
        if (!settings.IsPerSignal)
        {
            layout = OpenClLayout.Of(descriptor);
            components = type == DataType.Complex32 ? 2 : 1;
            contiguous = descriptor.IsPadded ? 0 : 1;
            width = descriptor.IsPadded ? (long)descriptor.Size.X * components : descriptor.ElementCount * components;
            rows = descriptor.IsPadded ? descriptor.RowCount : 1;
            long step = perGroup * configuration["VECTOR"];
            blocks = (width + step - 1) / step;
            return;
        }

        geometry = ReductionGeometry.Of(descriptor);
        (groups, chunk) = Split(geometry.Count, descriptor.Size.N, perGroup);
        partials = Device.Allocator.AllocateBuffer(groups > 1 ? (long)descriptor.Size.N * groups * sizeof(double) : sizeof(double));
    }

    protected override void Run(ReductionOutput output, ReductionInput input)
    {
        var source = Buffer(input.Data);
        if (!settings.IsPerSignal)
        {
            var destination = Buffer(output.Data!);
            first!.Set(0, destination).Set(1, source).Set(2, layout).Set(3, components).Set(4, contiguous)
                .Set(5, width).Set(6, rows).Set(7, blocks);
            Queue.Launch(first, new OpenClRange([Math.Min(rows * blocks, MaxLaunchGroups) * groupSize], [groupSize]));
            return;
        }

        var values = Buffer(output.Values!);
        int signals = output.Values!.Descriptor.Size.N;
        int mean = settings.Operation == ReductionOperation.Mean ? 1 : 0;
        first!.Set(0, source).Set(1, geometry).Set(2, signals).Set(3, groups).Set(4, chunk).Set(5, mean).Set(6, partials!).Set(7, values);
        Queue.Launch(first, new OpenClRange([Math.Min((long)signals * groups, MaxLaunchGroups) * groupSize], [groupSize]));
        if (groups > 1)
        {
            second!.Set(0, signals).Set(1, groups).Set(2, geometry.Count).Set(3, mean).Set(4, partials!).Set(5, values);
            Queue.Launch(second, new OpenClRange([Math.Min(signals, MaxLaunchGroups) * groupSize], [groupSize]));
        }
    }

    protected override void Dispose(bool disposing)
    {
        Release();
        base.Dispose(disposing);
    }

    /// <summary>
    /// Chunks per signal and elements per chunk for signals of <paramref name="count"/> elements: enough chunks to give
    /// each work-group about <paramref name="perGroup"/> elements, at most <see cref="TargetGroups"/> over the batch (at
    /// least one per signal); chunks are multiples of <paramref name="perGroup"/> so work-items start aligned.
    /// </summary>
    internal static (int Groups, int Chunk) Split(long count, int signals, long perGroup)
    {
        long wanted = (count + perGroup - 1) / perGroup;
        long groups = Math.Clamp(wanted, 1, Math.Max(1, TargetGroups / signals));
        if (groups == 1)
        {
            return (1, (int)count);
        }

        long chunk = (count + groups - 1) / groups;
        chunk = (chunk + perGroup - 1) / perGroup * perGroup;
        return ((int)((count + chunk - 1) / chunk), (int)chunk);
    }

    private void Release()
    {
        first?.Dispose();
        second?.Dispose();
        partials?.Dispose();
        (first, second, partials) = (null, null, null);
    }
}
