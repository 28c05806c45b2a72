using Oompa.Algorithms.Correlation;
using Oompa.Algorithms.Correlation.OpenCl;
using Oompa.Algorithms.FourierProcessing;
using Oompa.Algorithms.FourierProcessing.OpenCl;
using Oompa.Algorithms.Tests.Support;
using Oompa.Core.Algorithms;
using Oompa.Core.Data;
using Oompa.Core.Devices;
using Oompa.Tuning.Dynamic;
using Oompa.Tuning.Store;
using Xcorr = Oompa.Algorithms.Correlation.Correlation;
using Processing = Oompa.Algorithms.FourierProcessing.FourierProcessing;

namespace Oompa.Algorithms.Tests.Tuning;

/// <summary>
/// The real Fourier-processing and correlation kernels tuned on the test device with a small budget: every output the
/// caller receives while tuning equals the single-threaded CPU reference, and the best configuration is stored.
/// </summary>
public sealed class ProcessingAndCorrelationTuningTests : IDisposable
{
    private readonly TuningFixture fixture = new();

    public void Dispose() => fixture.Dispose();

    [Fact]
    public void Fourier_processing_is_tuned_on_the_device_and_every_output_matches_the_cpu()
    {
        var spectrum = FourierDescriptor.ForSpatial(new Size(40, 30, 1, 3)).ToFrequency();
        var settings = new FourierProcessingSettings { Normalize = true, Center = true, GaussianSigma = 6 };
        var cropped = Processing.OutputDescriptor(spectrum, new Size(20, 16, 1, 3), settings);
        using var input = new GuardedPayload<FourierDescriptor>(spectrum, DataType.Complex32, "spectrum");
        input.SetLogical<ComplexF>(Gens.Complexes(5, spectrum.Frequency.Size.Total));
        using var expected = new GuardedPayload<FourierDescriptor>(cropped, DataType.Complex32, "expected");
        using var actual = new GuardedPayload<FourierDescriptor>(cropped, DataType.Complex32, "actual");
        var i = new FourierProcessingInput(input.Payload);
        Reference(new Processing(FourierProcessingStrategies.Cpu(new CpuDevice(1)).Where(f => f.Name == CpuStrategies().Single)), new FourierProcessingOutput(expected.Payload), i, settings);

        var tuner = fixture.Tuner("tune:4", annealing: true);
        var o = new FourierProcessingOutput(actual.Payload);
        using (KernelTuner.Use(tuner))
        using (var process = new Processing(FourierProcessingStrategies.OpenCl(OpenClTestDevice.Device)))
        {
            process.Init(o, i, settings).ThrowIfFailed();
            for (int n = 0; n < 12 && tuner.Sessions is not [{ IsFinished: true }]; n++)
            {
                actual.Span<ComplexF>().Clear();
                process.Execute(o, i);
                process.Synchronize();
                Tolerance.AssertClose(expected.GetLogical<ComplexF>(), actual.GetLogical<ComplexF>(), 1e-6);
            }
        }

        AssertTunedAndStored(tuner, FourierProcessingKernels.Process.Name);
        actual.AssertGuardsIntact();
    }

    [Fact]
    public void Correlation_is_tuned_on_the_device_and_every_output_matches_the_cpu()
    {
        var spectra = FourierDescriptor.ForSpatial(new Size(24, 20, 1, 5)).ToFrequency();
        var settings = new CorrelationSettings(CorrelationMode.WithinBatch, Center: true);
        var pairs = Xcorr.OutputDescriptor(spectra, null, settings);
        using var input = new GuardedPayload<FourierDescriptor>(spectra, DataType.Complex32, "spectra");
        input.SetLogical<ComplexF>(Gens.Complexes(9, spectra.Frequency.Size.Total));
        using var expected = new GuardedPayload<FourierDescriptor>(pairs, DataType.Complex32, "expected");
        using var actual = new GuardedPayload<FourierDescriptor>(pairs, DataType.Complex32, "actual");
        var i = new CorrelationInput(input.Payload);
        Reference(new Xcorr(CorrelationStrategies.Cpu(new CpuDevice(1)).Where(f => f.Name == CpuStrategies().Single)), new CorrelationOutput(expected.Payload), i, settings);

        var tuner = fixture.Tuner("tune:4", annealing: true);
        var o = new CorrelationOutput(actual.Payload);
        using (KernelTuner.Use(tuner))
        using (var correlate = new Xcorr(CorrelationStrategies.OpenCl(OpenClTestDevice.Device)))
        {
            correlate.Init(o, i, settings).ThrowIfFailed();
            for (int n = 0; n < 12 && tuner.Sessions is not [{ IsFinished: true }]; n++)
            {
                actual.Span<ComplexF>().Clear();
                correlate.Execute(o, i);
                correlate.Synchronize();
                Tolerance.AssertClose(expected.GetLogical<ComplexF>(), actual.GetLogical<ComplexF>(), 1e-5);
            }
        }

        AssertTunedAndStored(tuner, CorrelationKernels.Correlate.Name);
        actual.AssertGuardsIntact();
    }

    private static (string Single, string Multi) CpuStrategies() => (Common.CpuStrategies.SingleThreaded, Common.CpuStrategies.MultiThreaded);

    private static void Reference<TOut, TIn, TSettings>(IAlgorithm<TOut, TIn, TSettings> algorithm, TOut output, TIn input, TSettings settings)
        where TOut : PayloadWrapper
        where TIn : PayloadWrapper
    {
        using (algorithm)
        {
            algorithm.Init(output, input, settings).ThrowIfFailed();
            algorithm.Execute(output, input);
        }
    }

    private void AssertTunedAndStored(KernelTuner tuner, string kernel)
    {
        var session = Assert.Single(tuner.Sessions);
        Assert.True(session.IsFinished);
        Assert.Equal(4, session.Steps);
        var entry = Assert.Single(new TuningStore(fixture.Store).Entries);
        Assert.Equal(kernel, entry.Key.Strategy);
        Assert.Equal(OpenClTestDevice.Device.Identity, entry.Key.Device);
    }
}
