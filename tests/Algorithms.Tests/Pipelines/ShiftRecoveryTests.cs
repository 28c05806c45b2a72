using System.Numerics;
using FsCheck;
using FsCheck.Fluent;
using Oompa.Algorithms.Correlation;
using Oompa.Algorithms.Extrema;
using Oompa.Algorithms.Fft;
using Oompa.Algorithms.Tests.Support;
using Oompa.Core.Data;
using Oompa.Core.Devices;
using Oompa.Core.Memory;
using Xcorr = Oompa.Algorithms.Correlation.Correlation;

namespace Oompa.Algorithms.Tests.Pipelines;

/// <summary>
/// The building blocks chained as movie alignment chains them: forward FFT of an image and its shifted copy, centred
/// correlation, inverse FFT, peak search. The peak must sit at centre − shift: exactly for integer shifts, within
/// 0.05 px for sub-pixel shifts of smooth images with the 3×3 Gaussian fit.
/// </summary>
public sealed class ShiftRecoveryTests
{
    private const int Side = 64;
    private static readonly Size Pair = new(Side, Side, 1, 2);
    private static readonly Gen<double> Shift = Gen.Choose(-600, 600).Select(v => v / 100.0);

    [Fact]
    public void Integer_shifts_are_recovered_exactly() =>
        Prop.ForAll(Arb.From(Gen.Choose(-9, 9)), Arb.From(Gen.Choose(-9, 9)), Arb.From(Gens.Seed), (dx, dy, seed) =>
        {
            var (x, y) = PeakOf(ShiftedPair(seed, dx, dy, smooth: false), ExtremaPrecision.Integer);
            Assert.Equal((Side / 2) - dx, x);
            Assert.Equal((Side / 2) - dy, y);
        }).QuickCheckThrowOnFailure();

    [Fact]
    public void Sub_pixel_shifts_of_smooth_images_are_recovered_within_0_05_px() =>
        // Smooth images: random complex Fourier coefficients under a Gaussian envelope (σ_k = 0.07 cycles/px), so
        // features are ~3 px wide and the correlation peak is broad. Shifts are applied exactly as phase ramps.
        Prop.ForAll(Arb.From(Shift), Arb.From(Shift), Arb.From(Gens.Seed), (dx, dy, seed) =>
        {
            var (x, y) = PeakOf(ShiftedPair(seed, dx, dy, smooth: true), ExtremaPrecision.GaussianFit3);
            Assert.InRange(x, (Side / 2) - dx - 0.05, (Side / 2) - dx + 0.05);
            Assert.InRange(y, (Side / 2) - dy - 0.05, (Side / 2) - dy + 0.05);
        }).QuickCheckThrowOnFailure();

    /// <summary>Image 0 is a random image; image 1 is image 0 moved by (dx, dy) (circularly, exactly band-limited).</summary>
    private static float[] ShiftedPair(int seed, double dx, double dy, bool smooth)
    {
        var rng = new Random(seed);
        var single = new Size(Side, Side);
        var spectrum = new Complex[single.Total];
        for (int ky = 0; ky < Side; ky++)
        {
            for (int kx = 0; kx < Side; kx++)
            {
                double fx = (kx <= Side / 2 ? kx : kx - Side) / (double)Side;
                double fy = (ky <= Side / 2 ? ky : ky - Side) / (double)Side;
                double envelope = smooth ? Math.Exp(-((fx * fx) + (fy * fy)) / (2 * 0.07 * 0.07)) : 1;
                spectrum[(ky * Side) + kx] = new Complex(rng.NextDouble() - 0.5, rng.NextDouble() - 0.5) * envelope;
            }
        }

        // A real image: keep only the real part of the inverse transform, then move it by a phase ramp.
        var image = NaiveDft.Transform(spectrum, single, inverse: true).Select(c => new Complex(c.Real, 0)).ToArray();
        var f = NaiveDft.Transform(image, single, inverse: false);
        var moved = new Complex[f.Length];
        for (int ky = 0; ky < Side; ky++)
        {
            for (int kx = 0; kx < Side; kx++)
            {
                double fx = (kx <= Side / 2 ? kx : kx - Side) / (double)Side;
                double fy = (ky <= Side / 2 ? ky : ky - Side) / (double)Side;
                bool nyquist = kx == Side / 2 || ky == Side / 2;
                moved[(ky * Side) + kx] = nyquist ? Complex.Zero : f[(ky * Side) + kx] * Complex.FromPolarCoordinates(1, -2 * Math.PI * ((fx * dx) + (fy * dy)));
            }
        }

        var shifted = NaiveDft.Transform(moved, single, inverse: true);
        return [.. image.Select(c => (float)c.Real), .. shifted.Select(c => (float)(c.Real / single.Total))];
    }

    /// <summary>Runs FFT → centred WithinBatch correlation → inverse FFT → maximum, and returns the peak location.</summary>
    private static (double X, double Y) PeakOf(float[] pair, ExtremaPrecision precision)
    {
        var cpu = new CpuDevice();
        var allocator = new HostAllocator();
        var corrSettings = new CorrelationSettings(CorrelationMode.WithinBatch, Center: true);
        var spatial = FourierDescriptor.ForSpatial(Pair);
        var spectra = FourierTransform.OutputDescriptor(spatial, FourierTransformSettings.Forward);
        var correlations = Xcorr.OutputDescriptor(spectra, null, corrSettings);
        var correlationMap = FourierTransform.OutputDescriptor(correlations, FourierTransformSettings.Inverse);

        using (var images = OwnedPayload<FourierDescriptor>.Allocate(allocator, spatial, DataType.Float32, "images"))
        using (var frequencies = OwnedPayload<FourierDescriptor>.Allocate(allocator, spectra, DataType.Complex32, "spectra"))
        using (var products = OwnedPayload<FourierDescriptor>.Allocate(allocator, correlations, DataType.Complex32, "products"))
        using (var map = OwnedPayload<FourierDescriptor>.Allocate(allocator, correlationMap, DataType.Float32, "map"))
        using (var location = OwnedPayload<LogicalDescriptor>.Allocate(allocator, ExtremaFinder.LocationsDescriptor(map.Payload.Descriptor.Spatial), DataType.Float32, "location"))
        using (var forward = new FourierTransform(FourierTransformStrategies.Cpu(cpu)))
        using (var correlate = new Xcorr(CorrelationStrategies.Cpu(cpu)))
        using (var inverse = new FourierTransform(FourierTransformStrategies.Cpu(cpu)))
        using (var peak = new ExtremaFinder(ExtremaFinderStrategies.Cpu(cpu)))
        {
            pair.CopyTo(images.AsSpan<float>());
            var fIn = new FourierTransformInput(images.Payload);
            var fOut = new FourierTransformOutput(frequencies.Payload);
            forward.Init(fOut, fIn, FourierTransformSettings.Forward).ThrowIfFailed();
            forward.Execute(fOut, fIn);

            var cIn = new CorrelationInput(frequencies.Payload);
            var cOut = new CorrelationOutput(products.Payload);
            correlate.Init(cOut, cIn, corrSettings).ThrowIfFailed();
            correlate.Execute(cOut, cIn);

            var iIn = new FourierTransformInput(products.Payload);
            var iOut = new FourierTransformOutput(map.Payload);
            inverse.Init(iOut, iIn, FourierTransformSettings.Inverse).ThrowIfFailed();
            inverse.Execute(iOut, iIn);

            var mapAsData = map.Payload.WithDescriptor(map.Payload.Descriptor.Spatial);
            var eIn = new ExtremaInput(mapAsData);
            var eOut = new ExtremaOutput(null, location.Payload);
            peak.Init(eOut, eIn, new ExtremaSettings(ExtremaType.Max, SearchRegion.Entire, ExtremaResult.Location, precision)).ThrowIfFailed();
            peak.Execute(eOut, eIn);
            var at = location.AsSpan<float>();
            return (at[0], at[1]);
        }
    }
}
