using Oompa.Algorithms.Correlation;
using Oompa.Algorithms.FourierProcessing;
using Oompa.Core.Data;

namespace Oompa.Benchmarks.Elementwise;

/// <summary>The Fourier-domain cases: FourierProcessing with and without crop, and Correlation.</summary>
public partial class ElementwiseBenchmarks
{
    private void SetupFourierFilter()
    {
        var settings = new FourierProcessingSettings { Normalize = true, Center = true, GaussianSigma = 0.2 };
        var spectra = FourierDescriptor.ForSpatial(ElementwiseCases.Spectra).ToFrequency();
        SetupFourierProcessing(spectra, FourierProcessing.OutputDescriptor(spectra, settings), settings);
    }

    private void SetupFourierCrop()
    {
        var settings = new FourierProcessingSettings { Normalize = true };
        var spectra = FourierDescriptor.ForSpatial(ElementwiseCases.CropInput).ToFrequency();
        SetupFourierProcessing(spectra, FourierProcessing.OutputDescriptor(spectra, ElementwiseCases.CropOutput, settings), settings);
    }

    private void SetupCorrelation()
    {
        var settings = new CorrelationSettings(CorrelationMode.WithinBatch, Center: true);
        var spectra = FourierDescriptor.ForSpatial(ElementwiseCases.Correlated).ToFrequency();
        var data = Spectrum(spectra, seed: 9);
        var correlations = Spectrum(Correlation.OutputDescriptor(spectra, null, settings), seed: 10);
        var algorithm = Own(new Correlation(CorrelationStrategies.Cpu(Device).Where(f => f.Name == CorrelationStrategies.CpuMultiThreaded)));
        var output = new CorrelationOutput(correlations.Payload);
        var input = new CorrelationInput(data.Payload);
        algorithm.Init(output, input, settings).ThrowIfFailed();
        execute = () => algorithm.Execute(output, input);
    }

    private void SetupFourierProcessing(FourierDescriptor input, FourierDescriptor output, FourierProcessingSettings settings)
    {
        var source = Spectrum(input, seed: 7);
        var destination = Spectrum(output, seed: 8);
        var algorithm = Own(new FourierProcessing(FourierProcessingStrategies.Cpu(Device).Where(f => f.Name == FourierProcessingStrategies.CpuMultiThreaded)));
        var o = new FourierProcessingOutput(destination.Payload);
        var i = new FourierProcessingInput(source.Payload);
        algorithm.Init(o, i, settings).ThrowIfFailed();
        execute = () => algorithm.Execute(o, i);
    }
}
