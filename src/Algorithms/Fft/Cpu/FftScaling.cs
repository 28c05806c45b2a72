using System.Numerics;
using Oompa.Core.Data;

namespace Oompa.Algorithms.Fft.Cpu;

/// <summary>The element-wise passes around an FFT: scaling the data elements of a layout, and copying raw bytes.</summary>
internal static unsafe class FftScaling
{
    /// <summary>Floats per parallel work item: large enough to amortise scheduling, small enough to balance.</summary>
    private const int Chunk = 1 << 16;

    /// <summary>Multiplies every data element (padding untouched) by <paramref name="factor"/>.</summary>
    /// <param name="data">The payload's first byte.</param>
    /// <param name="layout">The layout of the data.</param>
    /// <param name="floatsPerElement">1 for real data, 2 for complex.</param>
    /// <param name="factor">The scale.</param>
    /// <param name="options">Parallelism; null runs on the calling thread.</param>
    public static void Scale(nint data, LogicalDescriptor layout, int floatsPerElement, float factor, ParallelOptions? options)
    {
        float* basePtr = (float*)data;
        if (!layout.IsPadded)
        {
            long count = layout.ElementCount * floatsPerElement;
            long chunks = (count + Chunk - 1) / Chunk;
            if (options is null || chunks == 1)
            {
                ScaleRun(basePtr, count, factor);
                return;
            }

            nint p = data;
            Parallel.For(0L, chunks, options, c =>
            {
                long start = c * Chunk;
                ScaleRun((float*)p + start, Math.Min(Chunk, count - start), factor);
            });
            return;
        }

        int width = layout.Size.X * floatsPerElement;
        long rows = layout.RowCount;
        if (options is null || (long)width * rows <= Chunk)
        {
            for (long row = 0; row < rows; row++)
            {
                ScaleRun(basePtr + (layout.RowStart(row) * floatsPerElement), width, factor);
            }

            return;
        }

        nint q = data;
        Parallel.For(0L, rows, options, row =>
            ScaleRun((float*)q + (layout.RowStart(row) * floatsPerElement), width, factor));
    }

    /// <summary>Copies <paramref name="bytes"/> bytes between non-overlapping buffers.</summary>
    public static void Copy(nint source, nint destination, long bytes, ParallelOptions? options)
    {
        const long ByteChunk = 4L * Chunk * sizeof(float);
        long chunks = (bytes + ByteChunk - 1) / ByteChunk;
        if (options is null || chunks <= 1)
        {
            Buffer.MemoryCopy((void*)source, (void*)destination, bytes, bytes);
            return;
        }

        Parallel.For(0L, chunks, options, c =>
        {
            long start = c * ByteChunk;
            long length = Math.Min(ByteChunk, bytes - start);
            Buffer.MemoryCopy((byte*)source + start, (byte*)destination + start, length, length);
        });
    }

    private static void ScaleRun(float* p, long count, float factor)
    {
        long i = 0;
        if (Vector.IsHardwareAccelerated && count >= Vector<float>.Count)
        {
            var f = new Vector<float>(factor);
            long last = count - Vector<float>.Count;
            for (; i <= last; i += Vector<float>.Count)
            {
                (Vector.Load(p + i) * f).Store(p + i);
            }
        }

        for (; i < count; i++)
        {
            p[i] *= factor;
        }
    }
}
