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
/// later block (AllPairs), so at most block² maps exist at a time. With Data1 = frame i and Data2 = frame j the peak sits
/// at centre + (position_i − position_j), hence the measured drift d_ij = −(peak − centre)·scale.
/// </summary>
internal sealed class PairCorrelator : IDisposable
{
    private static readonly FourierTransformSettings InverseSettings = FourierTransformSettings.Inverse with { AllowInputOverwrite = true };
    private readonly AlgorithmProvider algorithms;
    private readonly CorrelationGeometry geometry;
    private readonly SpectrumStage spectra;
    private readonly int block;
    private readonly Dictionary<(CorrelationMode, int, int), (Xcorr Correlate, FourierTransform Inverse, ExtremaFinder Peak)> chains = [];
    private readonly ExtremaSettings peakSettings;

    public PairCorrelator(AlgorithmProvider algorithms, CorrelationGeometry geometry, SpectrumStage spectra, int block)
    {
        this.algorithms = algorithms;
        this.geometry = geometry;
        this.spectra = spectra;
        this.block = Math.Min(block, spectra.Frames);
        peakSettings = new ExtremaSettings(
            ExtremaType.Max,
            SearchRegion.CenteredRectangle(new Size(geometry.SearchWidth, geometry.SearchHeight)),
            ExtremaResult.Location,
            ExtremaPrecision.GaussianFit3);
    }

    /// <summary>Measures every pair.</summary>
    public List<PairShift> Run(IProgress<FlexAlignProgress>? progress, CancellationToken cancellationToken)
    {
        int frames = spectra.Frames;
        long totalPairs = (long)frames * (frames - 1) / 2;
        int maxPairs = block * block;
        long croppedElements = spectra.CroppedElements;
        long mapElements = (long)geometry.CroppedWidth * geometry.CroppedHeight;
        using var products = Buffers.Allocate(maxPairs * croppedElements, DataType.Complex32);
        using var maps = Buffers.Allocate(maxPairs * mapElements, DataType.Float32);
        using var locations = Buffers.Allocate(maxPairs * 3, DataType.Float32);
        var result = new List<PairShift>((int)totalPairs);
        for (int a = 0; a < frames; a += block)
        {
            int na = Math.Min(block, frames - a);
            for (int b = a; b < frames; b += block)
            {
                cancellationToken.ThrowIfCancellationRequested();
                int nb = Math.Min(block, frames - b);
                if (a == b && na < 2)
                {
                    continue;
                }

                var mode = a == b ? CorrelationMode.WithinBatch : CorrelationMode.AllPairs;
                var data1 = Buffers.View(spectra.Cropped, spectra.CroppedDescriptor(na), DataType.Complex32, a * croppedElements, "block1");
                var data2 = mode == CorrelationMode.AllPairs
                    ? Buffers.View(spectra.Cropped, spectra.CroppedDescriptor(nb), DataType.Complex32, b * croppedElements, "block2")
                    : null;
                var (correlate, inverse, peak) = Chain(mode, na, mode == CorrelationMode.AllPairs ? nb : 0, data1.Descriptor, data2?.Descriptor);
                var productDescriptor = Xcorr.OutputDescriptor(data1.Descriptor, data2?.Descriptor, new CorrelationSettings(mode, Center: true));
                var mapDescriptor = FourierTransform.OutputDescriptor(productDescriptor, InverseSettings);
                var product = Buffers.View(products, productDescriptor, DataType.Complex32, 0, "products");
                var map = Buffers.View(maps, mapDescriptor, DataType.Float32, 0, "maps");
                var mapData = Buffers.View(maps, mapDescriptor.Spatial, DataType.Float32, 0, "maps");
                var location = Buffers.View(locations, ExtremaFinder.LocationsDescriptor(mapDescriptor.Spatial), DataType.Float32, 0, "locations");
                correlate.Execute(new CorrelationOutput(product), new CorrelationInput(data1, data2));
                inverse.Execute(new FourierTransformOutput(map), new FourierTransformInput(product));
                peak.Execute(new ExtremaOutput(null, location), new ExtremaInput(mapData));
                Collect(mode, na, nb, a, b, location.AsSpan<float>(), result);
                progress?.Report(new FlexAlignProgress("correlation", result.Count, totalPairs));
            }
        }

        return result;
    }

    public void Dispose()
    {
        foreach (var (correlate, inverse, peak) in chains.Values)
        {
            correlate.Dispose();
            inverse.Dispose();
            peak.Dispose();
        }

        chains.Clear();
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

    private (Xcorr Correlate, FourierTransform Inverse, ExtremaFinder Peak) Chain(CorrelationMode mode, int n1, int n2, FourierDescriptor d1, FourierDescriptor? d2)
    {
        if (chains.TryGetValue((mode, n1, n2), out var chain))
        {
            return chain;
        }

        var settings = new CorrelationSettings(mode, Center: true);
        var productDescriptor = Xcorr.OutputDescriptor(d1, d2, settings);
        var mapDescriptor = FourierTransform.OutputDescriptor(productDescriptor, InverseSettings);
        var data1 = Payload<FourierDescriptor>.Describe(d1, DataType.Complex32, "block1");
        var data2 = d2 is null ? null : Payload<FourierDescriptor>.Describe(d2, DataType.Complex32, "block2");
        var product = Payload<FourierDescriptor>.Describe(productDescriptor, DataType.Complex32, "products");
        var map = Payload<FourierDescriptor>.Describe(mapDescriptor, DataType.Float32, "maps");
        var mapData = Payload<LogicalDescriptor>.Describe(mapDescriptor.Spatial, DataType.Float32, "maps");
        var location = Payload<LogicalDescriptor>.Describe(ExtremaFinder.LocationsDescriptor(mapDescriptor.Spatial), DataType.Float32, "locations");
        var correlate = algorithms.Correlation();
        var inverse = algorithms.FourierTransform();
        var peak = algorithms.ExtremaFinder();
        chain = (correlate, inverse, peak);
        chains[(mode, n1, n2)] = chain;
        correlate.Init(new CorrelationOutput(product), new CorrelationInput(data1, data2), settings).ThrowIfFailed();
        inverse.Init(new FourierTransformOutput(map), new FourierTransformInput(product), InverseSettings).ThrowIfFailed();
        peak.Init(new ExtremaOutput(null, location), new ExtremaInput(mapData), peakSettings).ThrowIfFailed();
        return chain;
    }
}
