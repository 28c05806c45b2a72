using Oompa.Algorithms.Correlation;
using Oompa.Algorithms.Extrema;
using Oompa.Algorithms.Fft;
using Oompa.Core.Data;
using Oompa.Core.Memory;
using Xcorr = Oompa.Algorithms.Correlation.Correlation;

namespace Oompa.Samples.FlexAlign.Global;

/// <summary>
/// Stage B: every pair (i &lt; j) of cropped spectra is correlated with centring, transformed back and searched for its
/// peak (GaussianFit3) within the maximum-shift box around the centre. Frames go in blocks of
/// <see cref="GlobalAlignmentSettings.CorrelationBlock"/>: each block against itself (WithinBatch) and against every
/// later block (AllPairs), so at most block² maps exist per block pair. With Data1 = frame i and Data2 = frame j the peak
/// sits at centre + (position_i − position_j), hence the measured drift d_ij = −(peak − centre)·scale.
/// Block pairs are independent: <see cref="AlgorithmProvider.Concurrency"/> of them are in flight at once, each with its
/// own buffer of products (a slot), which the inverse FFT turns into the maps in place; the slots live in the stage's
/// scratch memory (<see cref="SpectrumStage.Scratch"/>, free once stage A has finished), and the blocks shrink until
/// they fit there, so the correlation faults in no memory of its own. A slot is reused only after its last block pair
/// has been synchronised and its peaks collected. Results are sorted by pair, so they do not depend on the order in which blocks finish.
/// </summary>
internal sealed partial class PairCorrelator : IDisposable
{
    private static readonly FourierTransformSettings InverseSettings = FourierTransformSettings.Inverse with { AllowInputOverwrite = true };
    private readonly AlgorithmProvider algorithms;
    private readonly CorrelationGeometry geometry;
    private readonly SpectrumStage spectra;
    private readonly int block;
    private readonly int slots;
    private readonly Dictionary<(CorrelationMode Mode, int N1, int N2, int Slot), Chain> chains = [];
    private readonly ExtremaSettings peakSettings;

    public PairCorrelator(AlgorithmProvider algorithms, CorrelationGeometry geometry, SpectrumStage spectra, int block)
    {
        this.algorithms = algorithms;
        this.geometry = geometry;
        this.spectra = spectra;
        peakSettings = new ExtremaSettings(
            ExtremaType.Max,
            SearchRegion.CenteredRectangle(new Size(geometry.SearchWidth, geometry.SearchHeight)),
            ExtremaResult.Location,
            ExtremaPrecision.GaussianFit3);

        // Block pairs that run side by side share the configured block's memory: with w of them in flight the block
        // shrinks by √w (at least 2 frames), and further while the slots would not fit in the memory budget, or in the
        // stage's scratch memory (where the maps live) unless they are small anyway.
        int wanted = algorithms.Concurrency;
        int b = Math.Min(Math.Max(2, (int)(block / Math.Sqrt(wanted))), spectra.Frames);
        long room = Math.Max(spectra.Scratch.Bytes, SmallMaps);
        while (b > 2 && (((long)wanted * SlotBytes(b) > Buffers.Budget && wanted > 1) || (long)Math.Min(wanted, BlockPairs(b).Count) * SlotBytes(b) > room))
        {
            b--;
        }

        this.block = b;
        slots = Buffers.Slots(wanted, BlockPairs(b).Count, SlotBytes(b));
    }

    /// <summary>
    /// Bytes of maps in flight below which the blocks do not shrink to fit the scratch memory (the maps then get their
    /// own block): smaller blocks only add calls, and so little fresh memory costs next to nothing to fault in.
    /// </summary>
    private const long SmallMaps = 64L << 20;

    /// <summary>Measures every pair.</summary>
    public List<PairShift> Run(IProgress<FlexAlignProgress>? progress, CancellationToken cancellationToken)
    {
        var work = BlockPairs(block);
        long totalPairs = (long)spectra.Frames * (spectra.Frames - 1) / 2;
        int maxPairs = block * block;
        long croppedElements = spectra.CroppedElements;
        long slotElements = maxPairs * croppedElements;
        // The inverse FFT runs in place: each product becomes its map (rows padded to the spectrum's width).
        using var own = slots * slotElements * DataType.Complex32.Size > spectra.Scratch.Bytes ? Buffers.Allocate(slots * slotElements, DataType.Complex32) : null;
        var maps = own ?? spectra.Scratch;
        using var locations = Buffers.Allocate(work.Count * maxPairs * 3, DataType.Float32);
        var result = new List<PairShift>((int)totalPairs);
        var inFlight = new (int Index, Chain Chain)?[slots];
        try
        {
            for (int k = 0; k < work.Count; k++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                int s = k % slots;
                Finish(inFlight[s], work, locations, result, progress, totalPairs);
                inFlight[s] = null;
                var (a, na, b, nb, mode) = work[k];
                var data1 = Buffers.View(spectra.Cropped, spectra.CroppedDescriptor(na), DataType.Complex32, a * croppedElements, "block1");
                var data2 = mode == CorrelationMode.AllPairs
                    ? Buffers.View(spectra.Cropped, spectra.CroppedDescriptor(nb), DataType.Complex32, b * croppedElements, "block2")
                    : null;
                var chain = ChainFor(mode, na, nb, s, data1.Descriptor, data2?.Descriptor);
                var product = Buffers.View(maps, chain.ProductDescriptor, DataType.Complex32, s * slotElements, "maps");
                var map = Buffers.View(maps, chain.MapDescriptor, DataType.Float32, 2 * s * slotElements, "maps");
                var mapData = Buffers.View(maps, chain.MapDescriptor.Spatial, DataType.Float32, 2 * s * slotElements, "maps");
                var location = Buffers.View(locations, ExtremaFinder.LocationsDescriptor(chain.MapDescriptor.Spatial), DataType.Float32, k * maxPairs * 3, "locations");
                // Products and maps (one buffer: the inverse runs in place) are never read on the host: under auto they
                // stay on the worker that computed them instead of coming home at every wait.
                algorithms.Transient(product);
                chain.Correlate.Execute(new CorrelationOutput(product), new CorrelationInput(data1, data2));
                chain.Inverse.Execute(new FourierTransformOutput(map), new FourierTransformInput(product));
                chain.Peak.Execute(new ExtremaOutput(null, location), new ExtremaInput(mapData));
                inFlight[s] = (k, chain);
            }

            for (int i = 0; i < slots; i++)
            {
                // Oldest first: the slot of the next block pair in submission order.
                int s = (work.Count + i) % slots;
                Finish(inFlight[s], work, locations, result, progress, totalPairs);
                inFlight[s] = null;
            }

            foreach (var chain in chains.Values)
            {
                chain.Wait();
            }
        }
        catch
        {
            // Never free the buffers under a running task.
            foreach (var pending in inFlight)
            {
                pending?.Chain.Wait(quiet: true);
            }

            throw;
        }
        finally
        {
            // The scratch memory of the maps serves the next stage.
            algorithms.EndTransient();
        }

        result.Sort((p, q) => p.First != q.First ? p.First.CompareTo(q.First) : p.Second.CompareTo(q.Second));
        return result;
    }

    public void Dispose()
    {
        foreach (var chain in chains.Values)
        {
            chain.Dispose();
        }

        chains.Clear();
    }

    /// <summary>Bytes of one slot: b² products, each transformed in place into its map.</summary>
    private long SlotBytes(int b) => (long)b * b * spectra.CroppedElements * DataType.Complex32.Size;

    /// <summary>Every block against itself (when it has 2 frames or more) and against every later block.</summary>
    private List<(int A, int Na, int B, int Nb, CorrelationMode Mode)> BlockPairs(int size)
    {
        int frames = spectra.Frames;
        var work = new List<(int, int, int, int, CorrelationMode)>();
        for (int a = 0; a < frames; a += size)
        {
            int na = Math.Min(size, frames - a);
            for (int b = a; b < frames; b += size)
            {
                int nb = Math.Min(size, frames - b);
                if (a == b && na < 2)
                {
                    continue;
                }

                work.Add(a == b ? (a, na, a, 0, CorrelationMode.WithinBatch) : (a, na, b, nb, CorrelationMode.AllPairs));
            }
        }

        return work;
    }
}
