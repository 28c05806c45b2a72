using System.Runtime.CompilerServices;
using Oompa.Algorithms.Common;
using Oompa.Core.Data;
using Oompa.Core.Devices;

namespace Oompa.Algorithms.FourierProcessing.Cpu;

/// <summary>
/// One pass over the output rows (parallel over contiguous chunks of rows for the multi-threaded strategy): each row is
/// read from its cropped source row, scaled by its precomputed row factor (and column factors or filter when needed),
/// written to its (shifted) destination row, and its columns beyond the maximum-frequency cut are cleared. With a
/// filter, rows are visited in blocks (all images of one block of rows, then the next) so the filter stays in cache.
/// When the source rows are not one contiguous stream (cropping), the next row is prefetched while the current one is
/// processed.
/// </summary>
internal sealed class CpuFourierProcessing(string name, CpuDevice device, bool multiThreaded)
    : CpuStrategy<FourierProcessingOutput, FourierProcessingInput, FourierProcessingSettings>(name, device, multiThreaded)
{
    private const int FilterBlockFloats = 16 * 1024;
    private FourierProcessingPlan? plan;
    private int rowBlock = 1;
    private FourierProcessingSettings settings = FourierProcessingSettings.None;

    public override void Execute(FourierProcessingOutput output, FourierProcessingInput input)
    {
        var aliasing = FourierProcessingValidation.AliasingProblems(output, input, settings).ToList();
        if (aliasing.Count > 0)
        {
            throw new ArgumentException($"{Name}: {string.Join(" ", aliasing)}", nameof(output));
        }

        var p = plan ?? throw new InvalidOperationException($"{Name}.Execute was called before a successful Init.");
        nint src = input.Data.Physical.Pointer;
        nint dst = output.Data.Physical.Pointer;
        nint filter = input.Filter?.Physical.Pointer ?? 0;
        long rows = (long)p.Signals * p.RowsPerSignal;
        int block = rowBlock;
        Chunked.Run(rows, p.Width, Threads, ParallelOptions, (start, end) => ProcessRows(p, block, src, dst, filter, start, end));
    }

    protected override void Accept(FourierProcessingOutput output, FourierProcessingInput input, FourierProcessingSettings settings, List<string> reasons)
    {
        this.settings = settings;
        plan = new FourierProcessingPlan(input.Data.Descriptor, output.Data.Descriptor, input.Filter?.Descriptor, settings);

        // Without a filter, whole images stream one after the other. With one, blocks of rows whose filter part fits
        // in about 64 KB run for every image before the next block, so the filter is read from memory once per batch.
        rowBlock = plan.HasFilter ? Math.Clamp(FilterBlockFloats / plan.Width, 1, plan.RowsPerSignal) : plan.RowsPerSignal;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static unsafe void ProcessRows(FourierProcessingPlan p, int block, nint srcBase, nint dstBase, nint filterBase, long start, long end)
    {
        int width = p.Width;
        int signals = p.Signals;
        int rowsPer = p.RowsPerSignal;

        // Item k lies in block b = k / (N·block); within a block, images are outer and the block's rows inner.
        int b = (int)(start / ((long)signals * block));
        int first = b * block;
        int count = Math.Min(block, rowsPer - first);
        long rest = start - ((long)first * signals);
        long n = rest / count;
        int r = first + (int)(rest % count);
        var source = p.SourceRow;
        var destination = p.DestinationRow;
        var filterRow = p.FilterRow;
        var factor = p.Factor;
        var cutoff = p.Cutoff;
        fixed (float* columns = p.ColumnFactors)
        {
            for (long row = start; row < end; row++)
            {
                var src = (float*)((ComplexF*)srcBase + (n * p.InputSignalStride) + source[r]);
                var dst = (float*)((ComplexF*)dstBase + (n * p.OutputSignalStride) + destination[r]);
                int kept = cutoff[r];
                float s = factor[r];
                var filter = (float*)filterBase + filterRow[r];

                // Move to the next row, and when source rows do not follow one another, ask for its cache lines now.
                if (++r == first + count)
                {
                    r = first;
                    if (++n == signals)
                    {
                        n = 0;
                        first += count;
                        count = Math.Min(block, rowsPer - first);
                        r = first;
                    }
                }

                if (p.PrefetchSource && row + 1 < end)
                {
                    CachePrefetch.Range((ComplexF*)srcBase + (n * p.InputSignalStride) + source[r], (long)cutoff[r] * sizeof(ComplexF));
                }

                if (p.HasFilter)
                {
                    SpectrumRowKernels.ScaleByFilter(src, dst, kept, filter, p.HasColumnFactors ? columns : null, s);
                }
                else if (p.HasColumnFactors)
                {
                    SpectrumRowKernels.ScaleByFactors(src, dst, 2 * kept, columns, s);
                }
                else if (s != 1f)
                {
                    SpectrumRowKernels.Scale(src, dst, 2 * kept, s);
                }
                else if (src != dst)
                {
                    new ReadOnlySpan<float>(src, 2 * kept).CopyTo(new Span<float>(dst, 2 * kept));
                }

                if (kept < width)
                {
                    SpectrumRowKernels.Zero(dst + (2 * kept), 2 * (width - kept));
                }
            }
        }
    }
}
