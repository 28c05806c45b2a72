using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Oompa.Core.Devices.OpenCl;

namespace Oompa.Algorithms;

/// <summary>Registers the OpenCL strategies of every algorithm for one device.</summary>
public static class OompaOpenClServiceCollectionExtensions
{
    /// <summary>
    /// Adds <paramref name="device"/> (default: the process's first OpenCL device) and every algorithm's OpenCL strategy,
    /// after the strategies registered before (call it after <see cref="OompaServiceCollectionExtensions.AddOompa"/>).
    /// Algorithms ask strategies in registration order, so host payloads still go to the CPU strategies first, while
    /// payloads on the device's memory node, which CPU strategies decline, go to the OpenCL ones. Set
    /// <c>PreferredStrategy</c> to <c>OpenCl.*</c> names to send host payloads to the device.
    /// </summary>
    /// <exception cref="InvalidOperationException">No device was given and none is available; the message says why.</exception>
    public static IServiceCollection AddOompaOpenCl(this IServiceCollection services, OpenClDevice? device = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        device ??= OpenClDevices.Require();
        services.TryAddSingleton(device);
        services.AddAlgorithm<Initialization.Initialization, Initialization.InitializationOutput, Core.Data.NoPayloads, Initialization.InitializationSettings>(
            Initialization.InitializationStrategies.OpenCl(device));
        services.AddAlgorithm<Fft.FourierTransform, Fft.FourierTransformOutput, Fft.FourierTransformInput, Fft.FourierTransformSettings>(
            Fft.FourierTransformStrategies.OpenCl(device));
        services.AddAlgorithm<FourierProcessing.FourierProcessing, FourierProcessing.FourierProcessingOutput, FourierProcessing.FourierProcessingInput, FourierProcessing.FourierProcessingSettings>(
            FourierProcessing.FourierProcessingStrategies.OpenCl(device));
        services.AddAlgorithm<Correlation.Correlation, Correlation.CorrelationOutput, Correlation.CorrelationInput, Correlation.CorrelationSettings>(
            Correlation.CorrelationStrategies.OpenCl(device));
        services.AddAlgorithm<Extrema.ExtremaFinder, Extrema.ExtremaOutput, Extrema.ExtremaInput, Extrema.ExtremaSettings>(
            Extrema.ExtremaFinderStrategies.OpenCl(device));
        services.AddAlgorithm<Reduction.Reduction, Reduction.ReductionOutput, Reduction.ReductionInput, Reduction.ReductionSettings>(
            Reduction.ReductionStrategies.OpenCl(device));
        services.AddAlgorithm<Reconstruction.Insertion.FourierInsertion, Reconstruction.Insertion.FourierInsertionOutput, Reconstruction.Insertion.FourierInsertionInput, Reconstruction.Insertion.FourierInsertionSettings>(
            Reconstruction.Insertion.FourierInsertionStrategies.OpenCl(device));
        return services;
    }
}
