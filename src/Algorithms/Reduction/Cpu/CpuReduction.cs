using Oompa.Algorithms.Common;
using Oompa.Core.Data;
using Oompa.Core.Devices;

namespace Oompa.Algorithms.Reduction.Cpu;

/// <summary>
/// PiecewiseAdd: vectorised adds over the whole buffer (unpadded) or row by row (padded), in parallel chunks when
/// multi-threaded. Statistics: vectorised per-signal reductions, in parallel over signals, and within signals when a
/// few large signals would leave threads idle (partial results combined per signal).
/// </summary>
internal sealed unsafe class CpuReduction(string name, CpuDevice device, bool multiThreaded)
    : CpuStrategy<ReductionOutput, ReductionInput, ReductionSettings>(name, device, multiThreaded)
{
    private ReductionSettings settings = ReductionSettings.PiecewiseAdd;
    private LogicalDescriptor layout = new(new Size(1));
    private DataType type = DataType.Float32;
    private BoxGeometry signal;
    private int chunks = 1;
    private double[] partials = [];

    public override void Execute(ReductionOutput output, ReductionInput input)
    {
        nint source = input.Data.Physical.Pointer;
        if (!settings.IsPerSignal)
        {
            nint destination = output.Data!.Physical.Pointer;
            if (type == DataType.Float64)
            {
                AddAll<double>(destination, source, 1);
            }
            else
            {
                AddAll<float>(destination, source, type == DataType.Complex32 ? 2 : 1);
            }

            return;
        }

        nint values = output.Values!.Physical.Pointer;
        if (type == DataType.Float64)
        {
            Statistics<double>(values, source);
        }
        else
        {
            Statistics<float>(values, source);
        }
    }

    protected override void Accept(ReductionOutput output, ReductionInput input, ReductionSettings settings, List<string> reasons)
    {
        this.settings = settings;
        layout = input.Data.Descriptor;
        type = input.Data.Physical.Type;
        signal = BoxGeometry.WholeSignal(layout);
        chunks = settings.IsPerSignal ? SignalChunking.ChunksPerSignal(Threads, layout.Size.N, layout.Size.Single) : 1;
        partials = chunks > 1 ? new double[layout.Size.N * chunks] : [];
    }

    /// <summary>destination += source over every data element; <paramref name="components"/> scalars per element.</summary>
    private void AddAll<T>(nint destination, nint source, int components)
        where T : unmanaged, System.Numerics.IAdditionOperators<T, T, T>
    {
        if (!layout.IsPadded)
        {
            long total = layout.ElementCount * components;
            int parts = Threads == 1 ? 1 : (int)Math.Clamp(total / SignalChunking.MinChunkElements, 1, Threads * 4L);
            if (parts == 1)
            {
                PiecewiseAddKernel.Add((T*)destination, (T*)source, total);
                return;
            }

            Parallel.For(0, parts, ParallelOptions, part =>
            {
                var (from, to) = SignalChunking.Range(total, parts, part);
                PiecewiseAddKernel.Add((T*)destination + from, (T*)source + from, to - from);
            });
            return;
        }

        long rows = layout.RowCount;
        long width = (long)layout.Size.X * components;
        int blocks = Threads == 1 ? 1 : (int)Math.Clamp(rows * width / SignalChunking.MinChunkElements, 1, Threads * 4L);
        Parallel.For(0, blocks, ParallelOptions, block =>
        {
            var (from, to) = SignalChunking.Range(rows, blocks, block);
            for (long row = from; row < to; row++)
            {
                long start = layout.RowStart(row) * components;
                PiecewiseAddKernel.Add((T*)destination + start, (T*)source + start, width);
            }
        });
    }

    private void Statistics<T>(nint values, nint source)
        where T : unmanaged, System.Numerics.INumber<T>
    {
        int signals = layout.Size.N;
        var operation = settings.Operation;
        if (chunks > 1)
        {
            Parallel.For(0, signals * chunks, ParallelOptions, part =>
            {
                var (from, to) = SignalChunking.Range(signal.Count, chunks, part % chunks);
                partials[part] = StatisticsKernel.Reduce(operation, (T*)source + layout.OffsetUnchecked(0, 0, 0, part / chunks), signal, from, to);
            });
            for (int s = 0; s < signals; s++)
            {
                double result = StatisticsKernel.Identity(operation);
                for (int c = 0; c < chunks; c++)
                {
                    result = StatisticsKernel.Combine(operation, result, partials[(s * chunks) + c]);
                }

                Write(values, s, result);
            }

            return;
        }

        int blocks = Threads == 1 ? 1 : Math.Min(signals, Threads * 8);
        Parallel.For(0, blocks, ParallelOptions, block =>
        {
            var (from, to) = SignalChunking.Range(signals, blocks, block);
            for (long s = from; s < to; s++)
            {
                T* origin = (T*)source + layout.OffsetUnchecked(0, 0, 0, (int)s);
                Write(values, (int)s, StatisticsKernel.Reduce(operation, origin, signal, 0, signal.Count));
            }
        });
    }

    private void Write(nint values, int signalIndex, double result) =>
        ((float*)values)[signalIndex] = (float)(settings.Operation == ReductionOperation.Mean ? result / layout.Size.Single : result);
}
