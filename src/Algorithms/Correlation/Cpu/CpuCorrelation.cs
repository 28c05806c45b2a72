using System.Runtime.CompilerServices;
using Oompa.Algorithms.Common;
using Oompa.Core.Data;
using Oompa.Core.Devices;

namespace Oompa.Algorithms.Correlation.Cpu;

/// <summary>
/// Work items are (row, pair) with the row outer and the pair inner, so a chunk of items reads each input row once
/// into cache and writes it into every pair that uses it; the multi-threaded strategy runs contiguous chunks in parallel.
/// </summary>
internal sealed class CpuCorrelation(string name, CpuDevice device, bool multiThreaded)
    : CpuStrategy<CorrelationOutput, CorrelationInput, CorrelationSettings>(name, device, multiThreaded)
{
    private CorrelationPlan? plan;

    public override void Execute(CorrelationOutput output, CorrelationInput input)
    {
        var aliasing = CorrelationValidation.AliasingProblems(output, input).ToList();
        if (aliasing.Count > 0)
        {
            throw new ArgumentException($"{Name}: {string.Join(" ", aliasing)}", nameof(output));
        }

        var p = plan ?? throw new InvalidOperationException($"{Name}.Execute was called before a successful Init.");
        nint a = input.Data1.Physical.Pointer;
        nint b = (input.Data2 ?? input.Data1).Physical.Pointer;
        nint o = output.Correlations.Physical.Pointer;
        long items = p.Pairs.Count * p.RowsPerSignal;
        Chunked.Run(items, p.Width, Threads, ParallelOptions, (start, end) => Process(p, a, b, o, start, end));
    }

    protected override void Accept(CorrelationOutput output, CorrelationInput input, CorrelationSettings settings, List<string> reasons)
    {
        var d1 = input.Data1.Descriptor;
        var d2 = input.Data2?.Descriptor ?? d1;
        var pairs = CorrelationPairs.For(settings.Mode, d1.SpatialSize.N, d2.SpatialSize.N);
        plan = new CorrelationPlan(d1, d2, output.Correlations.Descriptor, pairs, settings.Center);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static unsafe void Process(CorrelationPlan p, nint a, nint b, nint o, long start, long end)
    {
        var pairs = p.Pairs;
        long count = pairs.Count;
        bool within = pairs.Mode == CorrelationMode.WithinBatch;
        int jEnd = pairs.Second;
        int row = (int)(start / count);
        long pair = start % count;
        var (i, j) = pairs.PairOf(pair);
        float s = p.RowSign[row];
        float t = p.AlternateColumns ? -s : s;
        for (long item = start; item < end; item++)
        {
            var src1 = (float*)((ComplexF*)a + (i * p.Stride1) + p.Row1[row]);
            var src2 = (float*)((ComplexF*)b + (j * p.Stride2) + p.Row2[row]);
            var dst = (float*)((ComplexF*)o + (pair * p.OutputStride) + p.OutputRow[row]);
            CorrelationRowKernel.Run(src1, src2, dst, p.Width, s, t);

            if (++pair == count)
            {
                pair = 0;
                i = 0;
                j = within ? 1 : 0;
                if (++row < p.RowsPerSignal)
                {
                    s = p.RowSign[row];
                    t = p.AlternateColumns ? -s : s;
                }
            }
            else if (++j == jEnd)
            {
                i++;
                j = within ? i + 1 : 0;
            }
        }
    }
}
