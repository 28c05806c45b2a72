using Oompa.Algorithms.Common.OpenCl;
using Oompa.Core.Devices.OpenCl;

namespace Oompa.Algorithms.Correlation.OpenCl;

/// <summary>
/// Runs the <c>correlate_pairs</c> kernel over (row, tile of consecutive pairs) items. The pair order is the CPU's by
/// construction: the host enumerates <see cref="CorrelationPairs"/> (<see cref="CorrelationPairs.PairOf"/> per output
/// index) and uploads the image offsets of each pair; the per-row offsets and centring signs come from the CPU
/// strategies' <see cref="CorrelationPlan"/>. Both tables are built at Init.
/// </summary>
internal sealed class OpenClCorrelation(string name, OpenClDevice device, long maxItemGroups = OpenClCorrelation.DefaultMaxItemGroups)
    : OpenClStrategy<CorrelationOutput, CorrelationInput, CorrelationSettings>(name, device)
{
    /// <summary>Work-groups launched along the items at most (the limit some drivers put on the second dimension); the kernel loops over the rest.</summary>
    public const long DefaultMaxItemGroups = 65535;

    private OpenClKernel? kernel;
    private OpenClBuffer? rows;
    private OpenClBuffer? pairs;
    private CorrelationPlan? plan;
    private long groupX;
    private long groupY;
    private long columnsPerGroup;
    private long pairsPerItem;

    protected override void Accept(CorrelationOutput output, CorrelationInput input, CorrelationSettings settings, List<string> reasons)
    {
        var d1 = input.Data1.Descriptor;
        var d2 = input.Data2?.Descriptor ?? d1;
        var order = CorrelationPairs.For(settings.Mode, d1.SpatialSize.N, d2.SpatialSize.N);
        var p = new CorrelationPlan(d1, d2, output.Correlations.Descriptor, order, settings.Center);
        if (order.Count > int.MaxValue / 2)
        {
            reasons.Add($"output member 'Correlations' has {order.Count} pairs; the pair table of this strategy holds at most {int.MaxValue / 2}.");
            return;
        }

        var configuration = Configuration ?? CorrelationKernels.Correlate.Default;
        var program = CorrelationKernels.Correlate.Build(Device, configuration);
        ReleaseResources();
        kernel = program.CreateKernel("correlate_pairs");
        groupX = configuration["WG_X"];
        groupY = configuration["WG_Y"];
        columnsPerGroup = groupX * configuration["ITEMS"] * configuration["VEC"];
        pairsPerItem = configuration["PAIRS"];
        if (groupX * groupY > kernel.MaxWorkGroupSize)
        {
            reasons.Add($"work-group size {groupX}×{groupY} exceeds the {kernel.MaxWorkGroupSize} {Device.Name} allows for this kernel.");
            return;
        }

        var rowTable = new int[4 * p.RowsPerSignal];
        for (int r = 0; r < p.RowsPerSignal; r++)
        {
            rowTable[4 * r] = checked((int)p.Row1[r]);
            rowTable[(4 * r) + 1] = checked((int)p.Row2[r]);
            rowTable[(4 * r) + 2] = checked((int)p.OutputRow[r]);
            rowTable[(4 * r) + 3] = (int)p.RowSign[r];
        }

        var pairTable = new int[2 * (int)order.Count];
        for (int index = 0; index < order.Count; index++)
        {
            var (i, j) = order.PairOf(index);
            pairTable[2 * index] = checked((int)(i * p.Stride1));
            pairTable[(2 * index) + 1] = checked((int)(j * p.Stride2));
        }

        rows = Upload(rowTable);
        pairs = Upload(pairTable);
        plan = p;
    }

    protected override void Run(CorrelationOutput output, CorrelationInput input)
    {
        var aliasing = CorrelationValidation.AliasingProblems(output, input).ToList();
        if (aliasing.Count > 0)
        {
            throw new ArgumentException($"{Name}: {string.Join(" ", aliasing)}", nameof(output));
        }

        var p = plan ?? throw new InvalidOperationException($"{Name}.Execute was called before a successful Init.");
        int count = checked((int)p.Pairs.Count);
        long tiles = (count + pairsPerItem - 1) / pairsPerItem;
        long items = tiles * p.RowsPerSignal;
        var k = kernel!;
        k.Set(0, Buffer(input.Data1))
            .Set(1, Buffer(input.Data2 ?? input.Data1))
            .Set(2, Buffer(output.Correlations))
            .Set(3, rows!)
            .Set(4, pairs!)
            .Set(5, p.Width)
            .Set(6, p.RowsPerSignal)
            .Set(7, count)
            .Set(8, checked((int)p.OutputStride))
            .Set(9, p.AlternateColumns ? 1 : 0);
        long columnGroups = (p.Width + columnsPerGroup - 1) / columnsPerGroup;
        long itemGroups = Math.Min((items + groupY - 1) / groupY, maxItemGroups);
        Queue.Launch(k, new OpenClRange([columnGroups * groupX, itemGroups * groupY], [groupX, groupY]));
    }

    protected override void Dispose(bool disposing)
    {
        ReleaseResources();
        base.Dispose(disposing);
    }

    private unsafe OpenClBuffer Upload(int[] values)
    {
        long bytes = (long)values.Length * sizeof(int);
        var buffer = Device.Allocator.AllocateBuffer(bytes);
        fixed (int* v = values)
        {
            Queue.Write(buffer, 0, (nint)v, bytes, blocking: true);
        }

        return buffer;
    }

    private void ReleaseResources()
    {
        kernel?.Dispose();
        rows?.Dispose();
        pairs?.Dispose();
        kernel = null;
        rows = pairs = null;
        plan = null;
    }
}
