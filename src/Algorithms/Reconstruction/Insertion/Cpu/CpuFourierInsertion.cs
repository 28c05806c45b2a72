using Oompa.Algorithms.Common;
using Oompa.Algorithms.Reconstruction.Blob;
using Oompa.Core.Data;
using Oompa.Core.Devices;

namespace Oompa.Algorithms.Reconstruction.Insertion.Cpu;

/// <summary>
/// Gather insertion on the CPU: spaces one after another; within a space the lines of the traverse plane are split
/// between threads. Each line writes only its own voxels (one voxel per position of the plane and solved coordinate),
/// so no atomics are needed and the result does not depend on the thread count.
/// </summary>
internal sealed unsafe class CpuFourierInsertion(string name, CpuDevice device, bool multiThreaded)
    : CpuStrategy<FourierInsertionOutput, FourierInsertionInput, FourierInsertionSettings>(name, device, multiThreaded)
{
    private FourierInsertionSettings settings = FourierInsertionSettings.Default;
    private KaiserBesselBlob? blob;

    public override void Execute(FourierInsertionOutput output, FourierInsertionInput input)
    {
        var spaces = input.Spaces.AsSpan<TraverseSpace>();
        var spectra = input.Spectra.Descriptor.Layout;
        int count = spectra.Size.N;
        for (int k = 0; k < spaces.Length; k++)
        {
            if ((uint)spaces[k].ProjectionIndex >= (uint)count)
            {
                throw new ArgumentException($"input member 'Spaces': element {k} has ProjectionIndex {spaces[k].ProjectionIndex}, but member 'Spectra' holds {count} spectra; nothing was inserted.", nameof(input));
            }
        }

        int halfSize = FourierInsertion.HalfSize(input.Spectra.Descriptor);
        var volumeLayout = output.Volume.Descriptor.Layout;
        var weightLayout = output.Weights.Descriptor;
        var strides = new InsertionContext.Strides(
            volumeLayout.RowStride, volumeLayout.PlaneStride, volumeLayout.OffsetUnchecked(0, 0, 0, 0),
            weightLayout.RowStride, weightLayout.PlaneStride, weightLayout.OffsetUnchecked(0, 0, 0, 0),
            spectra.RowStride);
        var volume = (ComplexF*)output.Volume.Physical.Pointer;
        var weights = (float*)output.Weights.Physical.Pointer;
        var spectrumBase = (ComplexF*)input.Spectra.Physical.Pointer;
        var table = settings.UsesTable
            ? new TableWeights((float*)input.BlobTable!.Physical.Pointer, input.BlobTable.Descriptor.Size.X, (float)settings.BlobRadius)
            : default;
        var computed = new ComputedWeights(blob!);

        foreach (var space in spaces)
        {
            var spectrum = spectrumBase + spectra.OffsetUnchecked(0, 0, 0, space.ProjectionIndex);
            var context = new InsertionContext(space, halfSize, (float)settings.SlabRadius, volume, weights, spectrum, strides);
            var plane = PlaneWalk.Of(space, halfSize);
            if (plane.OuterCount <= 0 || plane.InnerCount <= 0)
            {
                continue;
            }

            if (Threads == 1 || plane.OuterCount == 1)
            {
                for (int line = 0; line < plane.OuterCount; line++)
                {
                    Run(table, computed, context, plane, line);
                }
            }
            else
            {
                Parallel.For(0, plane.OuterCount, ParallelOptions, line => Run(table, computed, context, plane, line));
            }
        }
    }

    protected override void Accept(FourierInsertionOutput output, FourierInsertionInput input, FourierInsertionSettings settings, List<string> reasons)
    {
        this.settings = settings;
        blob = settings.Mode == InsertionMode.Blob && !settings.UsesTable ? settings.CreateBlob() : null;
    }

    private void Run(TableWeights table, ComputedWeights computed, in InsertionContext context, in PlaneWalk plane, int line)
    {
        if (settings.Mode == InsertionMode.NearestNeighbour)
        {
            RowKernel.NearestLine(context, plane, line);
        }
        else if (settings.UsesTable)
        {
            RowKernel.BlobLine(context, plane, line, table);
        }
        else
        {
            RowKernel.BlobLine(context, plane, line, computed);
        }
    }
}
