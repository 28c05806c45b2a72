using Oompa.Algorithms.Correlation;
using Oompa.Algorithms.Extrema;
using Oompa.Algorithms.Fft;
using Oompa.Core.Algorithms;
using Oompa.Core.Data;
using Oompa.Core.Memory;
using Xcorr = Oompa.Algorithms.Correlation.Correlation;

namespace Oompa.Samples.FlexAlign.Global;

/// <summary>The per-shape, per-slot algorithm chains of stage B and the collection of their peaks.</summary>
internal sealed partial class PairCorrelator
{
    /// <summary>Waits for a block pair's chain and turns its peaks into pair shifts.</summary>
    private void Finish(
        (int Index, Chain Chain)? pending,
        List<(int A, int Na, int B, int Nb, CorrelationMode Mode)> work,
        MemoryBlock locations,
        List<PairShift> result,
        IProgress<FlexAlignProgress>? progress,
        long totalPairs)
    {
        if (pending is not { } p)
        {
            return;
        }

        p.Chain.WaitForMaps();
        var (a, na, b, nb, mode) = work[p.Index];
        int maxPairs = block * block;
        var location = Buffers.View(locations, new LogicalDescriptor(new Size(3, maxPairs)), DataType.Float32, p.Index * maxPairs * 3, "locations");
        Collect(mode, na, nb, a, b, location.AsSpan<float>(), result);
        progress?.Report(new FlexAlignProgress("correlation", result.Count, totalPairs));
    }

    private void Collect(CorrelationMode mode, int na, int nb, int a, int b, ReadOnlySpan<float> location, List<PairShift> result)
    {
        var pairs = CorrelationPairs.For(mode, na, mode == CorrelationMode.AllPairs ? nb : 0);
        double cx = geometry.CroppedWidth / 2;
        double cy = geometry.CroppedHeight / 2;
        for (long p = 0; p < pairs.Count; p++)
        {
            var (i, j) = pairs.PairOf(p);
            double px = location[(int)(3 * p)];
            double py = location[(int)((3 * p) + 1)];
            var drift = double.IsFinite(px) && double.IsFinite(py)
                ? new FrameShift(-(px - cx) * geometry.ScaleX, -(py - cy) * geometry.ScaleY)
                : new FrameShift(double.NaN, double.NaN);
            result.Add(new PairShift(a + i, b + j, drift));
        }
    }

    private Chain ChainFor(CorrelationMode mode, int n1, int n2, int slot, FourierDescriptor d1, FourierDescriptor? d2)
    {
        var key = (mode, n1, n2, slot);
        if (chains.TryGetValue(key, out var chain))
        {
            return chain;
        }

        var settings = new CorrelationSettings(mode, Center: true);
        var productDescriptor = Xcorr.OutputDescriptor(d1, d2, settings);
        // In place: the real rows are padded to the spectrum's row of X/2 + 1 complex values.
        var spatial = FourierTransform.OutputDescriptor(productDescriptor, InverseSettings);
        int x = spatial.SpatialSize.X;
        var mapDescriptor = new FourierDescriptor(spatial.SpatialSize, spatial.Domain, spatial.State, new Padding(xEnd: (2 * ((x / 2) + 1)) - x), spatial.Frequency.Padding);
        var data1 = Payload<FourierDescriptor>.Describe(d1, DataType.Complex32, "block1");
        var data2 = d2 is null ? null : Payload<FourierDescriptor>.Describe(d2, DataType.Complex32, "block2");
        var product = Payload<FourierDescriptor>.Describe(productDescriptor, DataType.Complex32, "maps");
        var map = Payload<FourierDescriptor>.Describe(mapDescriptor, DataType.Float32, "maps");
        var mapData = Payload<LogicalDescriptor>.Describe(mapDescriptor.Spatial, DataType.Float32, "maps");
        var location = Payload<LogicalDescriptor>.Describe(ExtremaFinder.LocationsDescriptor(mapDescriptor.Spatial), DataType.Float32, "locations");
        chain = new Chain(algorithms.Correlation(), algorithms.FourierTransform(), algorithms.ExtremaFinder(), productDescriptor, mapDescriptor);
        chains[key] = chain;
        chain.Correlate.Init(new CorrelationOutput(product), new CorrelationInput(data1, data2), settings).ThrowIfFailed();
        chain.Inverse.Init(new FourierTransformOutput(map), new FourierTransformInput(product), InverseSettings).ThrowIfFailed();
        chain.Peak.Init(new ExtremaOutput(null, location), new ExtremaInput(mapData), peakSettings).ThrowIfFailed();
        return chain;
    }

    /// <summary>Correlation, inverse FFT and peak search for one block shape in one slot.</summary>
    private sealed record Chain(
        IAlgorithm<CorrelationOutput, CorrelationInput, CorrelationSettings> Correlate,
        IAlgorithm<FourierTransformOutput, FourierTransformInput, FourierTransformSettings> Inverse,
        IAlgorithm<ExtremaOutput, ExtremaInput, ExtremaSettings> Peak,
        FourierDescriptor ProductDescriptor,
        FourierDescriptor MapDescriptor) : IDisposable
    {
        /// <summary>
        /// Waits until the slot's buffers and the peaks are done: the inverse FFT (which ran after the product it read)
        /// and the peak search. Not the correlation itself: its inputs, the blocks of cropped spectra, are read by other
        /// block pairs too, and a scheduled algorithm's Synchronize waits for every task that uses its data. A failed
        /// product fails the inverse that depends on it, so its error surfaces here.
        /// </summary>
        public void WaitForMaps()
        {
            Inverse.Synchronize();
            Peak.Synchronize();
        }

        /// <summary>Waits for the chain's tasks; <paramref name="quiet"/> swallows their failures (cleanup only).</summary>
        public void Wait(bool quiet = false)
        {
            try
            {
                Correlate.Synchronize();
                Inverse.Synchronize();
                Peak.Synchronize();
            }
            catch (Exception) when (quiet)
            {
                // Only the buffers' lifetime matters here; the Synchronize that is not quiet reports the failure.
            }
        }

        public void Dispose()
        {
            Correlate.Dispose();
            Inverse.Dispose();
            Peak.Dispose();
        }
    }
}
