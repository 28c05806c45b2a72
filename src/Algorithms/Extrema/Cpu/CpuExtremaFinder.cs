using Oompa.Algorithms.Common;
using Oompa.Core.Data;
using Oompa.Core.Devices;

namespace Oompa.Algorithms.Extrema.Cpu;

/// <summary>
/// Scans each signal's search box with a vectorised arg-max (<see cref="ExtremaScan"/>), then refines the location
/// (<see cref="ExtremaRefinement"/>). Multi-threaded: parallel over blocks of signals; when a few large signals would
/// leave threads idle, each signal is also split into chunks whose partial results are combined in chunk order, so
/// ties still go to the lowest index.
/// </summary>
internal sealed unsafe class CpuExtremaFinder(string name, CpuDevice device, bool multiThreaded)
    : CpuStrategy<ExtremaOutput, ExtremaInput, ExtremaSettings>(name, device, multiThreaded)
{
    private ExtremaSettings settings = ExtremaSettings.MaxOfEntire;
    private LogicalDescriptor layout = new(new Size(1));
    private SearchBox box;
    private BoxGeometry boxGeometry;
    private BoxGeometry scanGeometry;
    private int chunks = 1;
    private float[] partScores = [];
    private long[] partIndices = [];

    public override void Execute(ExtremaOutput output, ExtremaInput input)
    {
        nint data = input.Data.Physical.Pointer;
        nint values = output.Values?.Physical.Pointer ?? 0;
        nint locations = output.Locations?.Physical.Pointer ?? 0;
        int signals = layout.Size.N;
        if (chunks > 1)
        {
            Parallel.For(0, signals * chunks, ParallelOptions, part =>
            {
                var (from, to) = SignalChunking.Range(scanGeometry.Count, chunks, part % chunks);
                partIndices[part] = ExtremaScan.Best(settings.Type, Origin(data, part / chunks), scanGeometry, from, to, out partScores[part]);
            });
            Parallel.For(0, signals, ParallelOptions, s => Finish(data, values, locations, s, Combine(s)));
            return;
        }

        if (Threads == 1 || signals == 1)
        {
            ProcessSignals(data, values, locations, 0, signals);
            return;
        }

        int blocks = Math.Min(signals, Threads * 8);
        Parallel.For(0, blocks, ParallelOptions, b =>
        {
            var (from, to) = SignalChunking.Range(signals, blocks, b);
            ProcessSignals(data, values, locations, (int)from, (int)to);
        });
    }

    protected override void Accept(ExtremaOutput output, ExtremaInput input, ExtremaSettings settings, List<string> reasons)
    {
        layout = input.Data.Descriptor;
        if (settings.Location.Resolve(layout.Size) is not { } resolved)
        {
            reasons.Add($"settings: Location {settings.Location} does not fit inside member 'Data' ({layout.Size}).");
            return;
        }

        this.settings = settings;
        box = resolved;
        boxGeometry = new BoxGeometry(box.Width, box.Height, box.Depth, layout.RowStride, layout.PlaneStride);
        bool wholeContiguous = !layout.IsPadded && box.Count == layout.Size.Single;
        scanGeometry = wholeContiguous ? BoxGeometry.WholeSignal(layout) : boxGeometry;
        chunks = SignalChunking.ChunksPerSignal(Threads, layout.Size.N, box.Count);
        partScores = chunks > 1 ? new float[layout.Size.N * chunks] : [];
        partIndices = chunks > 1 ? new long[layout.Size.N * chunks] : [];
    }

    private float* Origin(nint data, int signal) => (float*)data + layout.OffsetUnchecked(box.X, box.Y, box.Z, signal);

    private void ProcessSignals(nint data, nint values, nint locations, int from, int to)
    {
        for (int s = from; s < to; s++)
        {
            Finish(data, values, locations, s, ExtremaScan.Best(settings.Type, Origin(data, s), scanGeometry, 0, scanGeometry.Count, out _));
        }
    }

    /// <summary>The best of signal <paramref name="signal"/>'s chunks, earlier chunks winning ties.</summary>
    private long Combine(int signal)
    {
        long bestIndex = -1;
        float best = float.NegativeInfinity;
        for (int c = signal * chunks; c < (signal + 1) * chunks; c++)
        {
            if (partIndices[c] >= 0 && (bestIndex < 0 || partScores[c] > best))
            {
                best = partScores[c];
                bestIndex = partIndices[c];
            }
        }

        return bestIndex;
    }

    /// <summary>Writes value and location of the extremum at box-linear index <paramref name="index"/> (−1: none above −∞).</summary>
    private void Finish(nint data, nint values, nint locations, int signal, long index)
    {
        float* origin = Origin(data, signal);
        if (index < 0)
        {
            // No score above −∞: the first non-NaN element (whose score is −∞) wins; all NaN means no extremum.
            index = ExtremaScan.FirstNumber(origin, scanGeometry);
        }

        float value = float.NaN;
        (double X, double Y, double Z) at = (double.NaN, double.NaN, double.NaN);
        if (index >= 0)
        {
            var (bx, by, bz) = boxGeometry.CoordinatesOf(index);
            value = origin[boxGeometry.OffsetOf(index)];
            at = settings.Precision switch
            {
                ExtremaPrecision.Weighted3x3 => ExtremaRefinement.Weighted3x3(settings.Type, origin, boxGeometry, bx, by, bz),
                ExtremaPrecision.Centroid => ExtremaRefinement.Centroid(settings.Type, origin, boxGeometry, bx, by, bz),
                ExtremaPrecision.GaussianFit3 => ExtremaRefinement.GaussianFit3(settings.Type, origin, boxGeometry, bx, by, bz),
                _ => (bx, by, bz),
            };
            at = (at.X + box.X, at.Y + box.Y, at.Z + box.Z);
        }

        if (values != 0)
        {
            ((float*)values)[signal] = value;
        }

        if (locations != 0)
        {
            float* l = (float*)locations + (3L * signal);
            l[0] = (float)at.X;
            l[1] = (float)at.Y;
            l[2] = (float)at.Z;
        }
    }
}
