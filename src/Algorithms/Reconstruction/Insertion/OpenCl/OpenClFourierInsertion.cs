using Oompa.Algorithms.Common.OpenCl;
using Oompa.Algorithms.Reconstruction.Blob;
using Oompa.Core.Devices.OpenCl;
using Oompa.Tuning.Spaces;

namespace Oompa.Algorithms.Reconstruction.Insertion.OpenCl;

/// <summary>
/// Gather insertion with the <c>insert</c> kernel of <see cref="FourierInsertionKernels"/> (the definition follows the
/// settings: table, on-the-fly or nearest). Sizes and blob parameters are kernel arguments, so one program serves
/// every shape. Without atomics the spaces go in three launches, one per plane direction (a work-item then owns
/// every voxel it writes); with atomics in one launch.
/// </summary>
/// <param name="name">The strategy's name.</param>
/// <param name="device">The device.</param>
/// <param name="patchElements">The <c>SHARED_IMG</c> patch capacity; null for <see cref="FourierInsertionKernels.PatchElements"/>
/// (tests pass small ones so that blocks fall back to global reads).</param>
internal sealed class OpenClFourierInsertion(string name, OpenClDevice device, long? patchElements = null)
    : OpenClStrategy<FourierInsertionOutput, FourierInsertionInput, FourierInsertionSettings>(name, device)
{
    /// <summary>Entries of the dense weight table of <c>PRECOMP</c> on-the-fly requests (16 KiB of floats).</summary>
    public const int DenseTableSize = 4096;

    private OpenClKernel? kernel;
    private OpenClBuffer? dense;
    private FourierInsertionSettings settings = FourierInsertionSettings.Default;
    private long block;
    private long layers;
    private bool atomics;
    private bool localTable;
    private float norm;

    /// <summary>The definition a request with <paramref name="settings"/> builds.</summary>
    public static OpenClKernelDefinition DefinitionFor(FourierInsertionSettings settings) =>
        settings.Mode == InsertionMode.NearestNeighbour ? FourierInsertionKernels.Nearest
        : settings.UsesTable ? FourierInsertionKernels.BlobTable
        : FourierInsertionKernels.BlobOnTheFly;

    protected override void Accept(FourierInsertionOutput output, FourierInsertionInput input, FourierInsertionSettings settings, List<string> reasons)
    {
        var definition = DefinitionFor(settings);
        var configuration = Configuration ?? definition.Default;
        if (!definition.Space.IsValid(configuration))
        {
            reasons.Add($"configuration {configuration} is not one of {definition.Name}: {string.Join("; ", definition.Space.Problems(configuration))}.");
            return;
        }

        ReleaseResources();
        long mode = settings.Mode == InsertionMode.NearestNeighbour ? 2 : settings.UsesTable ? 0 : 1;
        block = configuration["BLOCK_DIM"];
        long patch = Flag(configuration, "SHARED_IMG") ? patchElements ?? FourierInsertionKernels.PatchElements(block) : 0;
        var program = definition.Build(Device, configuration, [new("MODE", Text(mode)), new("PATCH_ELEMENTS", Text(Math.Max(patch, 1)))]);
        kernel = program.CreateKernel("insert");
        layers = configuration["GRID_DIM_Z"];
        atomics = configuration["ATOMICS"] == 1;
        bool precomputed = Flag(configuration, "PRECOMP");
        localTable = Flag(configuration, "SHARED_TABLE");
        if (block * block > kernel.MaxWorkGroupSize)
        {
            reasons.Add($"work-group size {block}×{block} exceeds the {kernel.MaxWorkGroupSize} {Device.Name} allows for this kernel.");
            return;
        }

        int tableEntries = settings.UsesTable ? input.BlobTable!.Descriptor.Size.X : precomputed ? DenseTableSize : 0;
        if (localTable && (long)tableEntries * sizeof(float) > Device.Info.LocalMemoryBytes)
        {
            string table = settings.UsesTable ? "input member 'BlobTable'" : "the precomputed weights";
            reasons.Add($"SHARED_TABLE needs {tableEntries * sizeof(float)} bytes of local memory for the {tableEntries}-entry table of {table}; {Device.Name} has {Device.Info.LocalMemoryBytes}.");
            return;
        }

        if (patch * 8 > Device.Info.LocalMemoryBytes)
        {
            reasons.Add($"SHARED_IMG needs {patch * 8} bytes of local memory for a {block}×{block} block's spectrum patch; {Device.Name} has {Device.Info.LocalMemoryBytes}.");
            return;
        }

        var blob = settings.Mode == InsertionMode.Blob ? settings.CreateBlob() : null;
        norm = blob is null ? 0f : (float)(blob.Iw0 * Math.Exp(blob.Alpha) / BesselFunctions.I(blob.Order, blob.Alpha));
        if (precomputed && blob is not null)
        {
            dense = UploadDenseTable(blob);
        }

        this.settings = settings;
    }

    protected override void Run(FourierInsertionOutput output, FourierInsertionInput input)
    {
        var k = kernel ?? throw new InvalidOperationException($"{Name}.Execute was called before a successful Init.");
        int count = input.Spaces.Descriptor.Size.X;
        Span<bool> present = [true, true, true];
        if (input.Spaces.Physical.Node.IsHost)
        {
            Inspect(input, present);
        }

        var spectra = input.Spectra.Descriptor.Layout;
        int half = FourierInsertion.HalfSize(input.Spectra.Descriptor);
        float radius = (float)settings.BlobRadius;
        var table = settings.UsesTable ? Buffer(input.BlobTable!) : dense ?? Buffer(input.Spaces);
        int entries = settings.UsesTable ? input.BlobTable!.Descriptor.Size.X : dense is null ? 0 : DenseTableSize;
        float scale = entries > 1 ? (entries - 1) / (radius * radius) : 0f;
        k.Set(0, Buffer(output.Volume)).Set(1, OpenClLayout.Of(output.Volume.Descriptor.Layout))
            .Set(2, Buffer(output.Weights)).Set(3, OpenClLayout.Of(output.Weights.Descriptor))
            .Set(4, Buffer(input.Spectra)).Set(5, OpenClLayout.Of(spectra))
            .Set(6, Buffer(input.Spaces)).Set(7, count)
            .Set(9, table).Set(10, entries).Set(11, scale)
            .Set(12, half).Set(13, radius).Set(14, settings.BlobOrder).Set(15, (float)settings.BlobAlpha).Set(16, norm);
        if (localTable && entries > 0)
        {
            k.SetLocal(17, (long)entries * sizeof(float));
        }

        long groups = ((2 * half) + block) / block;
        var range = new OpenClRange([groups * block, groups * block, layers], [block, block, 1]);
        if (atomics)
        {
            Queue.Launch(k.Set(8, -1), range);
            return;
        }

        for (int direction = 0; direction < 3; direction++)
        {
            if (present[direction])
            {
                Queue.Launch(k.Set(8, direction), range);
            }
        }
    }

    protected override void Dispose(bool disposing)
    {
        ReleaseResources();
        base.Dispose(disposing);
    }

    private static string Text(long value) => value.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static bool Flag(TuningConfiguration configuration, string name) => configuration.TryGetValue(name, out long v) && v == 1;

    /// <summary>Host spaces: rejects projection indices outside the batch (before anything runs) and notes which plane directions occur.</summary>
    private static void Inspect(FourierInsertionInput input, Span<bool> present)
    {
        present.Clear();
        var spaces = input.Spaces.AsSpan<TraverseSpace>();
        int count = input.Spectra.Descriptor.Layout.Size.N;
        for (int k = 0; k < spaces.Length; k++)
        {
            if ((uint)spaces[k].ProjectionIndex >= (uint)count)
            {
                throw new ArgumentException($"input member 'Spaces': element {k} has ProjectionIndex {spaces[k].ProjectionIndex}, but member 'Spectra' holds {count} spectra; nothing was inserted.", nameof(input));
            }

            int direction = (int)spaces[k].Direction;
            present[direction is 0 or 1 ? direction : 2] = true;   // as PlaneWalk.Of and the kernel: anything else is YZ
        }
    }

    private unsafe OpenClBuffer UploadDenseTable(KaiserBesselBlob blob)
    {
        var values = new float[DenseTableSize];
        blob.FillTable(values);
        var buffer = Device.Allocator.AllocateBuffer(DenseTableSize * sizeof(float));
        fixed (float* v = values)
        {
            Queue.Write(buffer, 0, (nint)v, DenseTableSize * sizeof(float), blocking: true);
        }

        return buffer;
    }

    private void ReleaseResources()
    {
        kernel?.Dispose();
        dense?.Dispose();
        kernel = null;
        dense = null;
    }
}
