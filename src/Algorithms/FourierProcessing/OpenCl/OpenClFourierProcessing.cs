using Oompa.Algorithms.Common.OpenCl;
using Oompa.Core.Devices.OpenCl;

namespace Oompa.Algorithms.FourierProcessing.OpenCl;

/// <summary>
/// Runs the <c>fourier_process</c> kernel over every output row of the batch. The plan is the CPU strategies'
/// <see cref="FourierProcessingPlan"/>, computed at Init and uploaded as three small tables (per row: source,
/// destination and filter offsets with the kept-column count, and the row factor; per column: the column factor), so
/// cropping, shifting, centring, the Gaussian and the maximum-frequency cut mean exactly what they mean on the CPU.
/// </summary>
internal sealed class OpenClFourierProcessing(string name, OpenClDevice device, long maxRowGroups = OpenClFourierProcessing.DefaultMaxRowGroups)
    : OpenClStrategy<FourierProcessingOutput, FourierProcessingInput, FourierProcessingSettings>(name, device)
{
    /// <summary>Work-groups launched along the rows at most (the limit some drivers put on the second dimension); the kernel loops over the rest.</summary>
    public const long DefaultMaxRowGroups = 65535;

    private OpenClKernel? kernel;
    private OpenClBuffer? rows;
    private OpenClBuffer? factors;
    private OpenClBuffer? columns;
    private FourierProcessingPlan? plan;
    private FourierProcessingSettings settings = FourierProcessingSettings.None;
    private long groupX;
    private long groupY;
    private long items;

    protected override void Accept(FourierProcessingOutput output, FourierProcessingInput input, FourierProcessingSettings settings, List<string> reasons)
    {
        var p = new FourierProcessingPlan(input.Data.Descriptor, output.Data.Descriptor, input.Filter?.Descriptor, settings);
        var configuration = Configuration ?? FourierProcessingKernels.Process.Default;
        var program = FourierProcessingKernels.Process.Build(
            Device,
            configuration,
            new KeyValuePair<string, string>("HAS_FILTER", p.HasFilter ? "1" : "0"),
            new KeyValuePair<string, string>("HAS_COLUMNS", p.HasColumnFactors ? "1" : "0"));
        ReleaseResources();
        kernel = program.CreateKernel("fourier_process");
        groupX = configuration["WG_X"];
        groupY = configuration["WG_Y"];
        items = configuration["ITEMS"];
        if (groupX * groupY > kernel.MaxWorkGroupSize)
        {
            reasons.Add($"work-group size {groupX}×{groupY} exceeds the {kernel.MaxWorkGroupSize} {Device.Name} allows for this kernel.");
            return;
        }

        var table = new int[4 * p.RowsPerSignal];
        for (int r = 0; r < p.RowsPerSignal; r++)
        {
            table[4 * r] = checked((int)p.SourceRow[r]);
            table[(4 * r) + 1] = checked((int)p.DestinationRow[r]);
            table[(4 * r) + 2] = checked((int)p.FilterRow[r]);
            table[(4 * r) + 3] = p.Cutoff[r];
        }

        var perColumn = new float[p.Width];
        for (int x = 0; x < p.Width; x++)
        {
            perColumn[x] = p.ColumnFactors[2 * x];
        }

        rows = Upload<int>(table);
        factors = Upload<float>(p.Factor);
        columns = Upload<float>(perColumn);
        plan = p;
        this.settings = settings;
    }

    protected override void Run(FourierProcessingOutput output, FourierProcessingInput input)
    {
        var aliasing = FourierProcessingValidation.AliasingProblems(output, input, settings).ToList();
        if (aliasing.Count > 0)
        {
            throw new ArgumentException($"{Name}: {string.Join(" ", aliasing)}", nameof(output));
        }

        var p = plan ?? throw new InvalidOperationException($"{Name}.Execute was called before a successful Init.");
        var k = kernel!;
        var source = Buffer(input.Data);
        int totalRows = checked(p.Signals * p.RowsPerSignal);
        k.Set(0, source)
            .Set(1, Buffer(output.Data))
            .Set(2, input.Filter is { } filter ? Buffer(filter) : source)
            .Set(3, rows!)
            .Set(4, factors!)
            .Set(5, columns!)
            .Set(6, p.Width)
            .Set(7, p.RowsPerSignal)
            .Set(8, totalRows)
            .Set(9, checked((int)p.InputSignalStride))
            .Set(10, checked((int)p.OutputSignalStride));
        long perGroup = groupX * items;
        long columnGroups = (p.Width + perGroup - 1) / perGroup;
        long rowGroups = Math.Min((totalRows + groupY - 1) / groupY, maxRowGroups);
        Queue.Launch(k, new OpenClRange([columnGroups * groupX, rowGroups * groupY], [groupX, groupY]));
    }

    protected override void Dispose(bool disposing)
    {
        ReleaseResources();
        base.Dispose(disposing);
    }

    private unsafe OpenClBuffer Upload<T>(T[] values)
        where T : unmanaged
    {
        long bytes = Math.Max(1, values.Length) * (long)sizeof(T);
        var buffer = Device.Allocator.AllocateBuffer(bytes);
        if (values.Length > 0)
        {
            fixed (T* v = values)
            {
                Queue.Write(buffer, 0, (nint)v, bytes, blocking: true);
            }
        }

        return buffer;
    }

    private void ReleaseResources()
    {
        kernel?.Dispose();
        rows?.Dispose();
        factors?.Dispose();
        columns?.Dispose();
        kernel = null;
        rows = factors = columns = null;
        plan = null;
    }
}
