using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Oompa.Algorithms.Extrema;
using Oompa.Algorithms.Fft;
using Oompa.Core.Algorithms;
using Oompa.Core.Data;
using Oompa.Core.Devices;
using Oompa.Core.Memory;

namespace Oompa.Algorithms;

/// <summary>Registers Oompa's devices, allocators, algorithms and their CPU strategies with a service collection.</summary>
public static class OompaServiceCollectionExtensions
{
    /// <summary>
    /// Adds the CPU device, the host allocator, every algorithm (transient) and its CPU strategies. Backends add their
    /// strategies with their own <c>AddOompaXxx()</c> call; an algorithm asks strategies in registration order.
    /// </summary>
    public static IServiceCollection AddOompa(this IServiceCollection services, Action<OompaOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        var options = new OompaOptions();
        configure?.Invoke(options);

        var cpu = new CpuDevice(options.CpuThreads);
        services.TryAddSingleton(cpu);
        services.TryAddSingleton<IMemoryAllocator>(HostAllocator.Shared);

        services.AddAlgorithm<Initialization.Initialization, Initialization.InitializationOutput, NoPayloads, Initialization.InitializationSettings>(
            Initialization.InitializationStrategies.Cpu(cpu));
        services.AddAlgorithm<FourierTransform, FourierTransformOutput, FourierTransformInput, FourierTransformSettings>(
            FourierTransformStrategies.Cpu(cpu));
        services.AddAlgorithm<FourierProcessing.FourierProcessing, FourierProcessing.FourierProcessingOutput, FourierProcessing.FourierProcessingInput, FourierProcessing.FourierProcessingSettings>(
            FourierProcessing.FourierProcessingStrategies.Cpu(cpu));
        services.AddAlgorithm<Correlation.Correlation, Correlation.CorrelationOutput, Correlation.CorrelationInput, Correlation.CorrelationSettings>(
            Correlation.CorrelationStrategies.Cpu(cpu));
        services.AddAlgorithm<ExtremaFinder, ExtremaOutput, ExtremaInput, ExtremaSettings>(ExtremaFinderStrategies.Cpu(cpu));
        services.AddAlgorithm<Reduction.Reduction, Reduction.ReductionOutput, Reduction.ReductionInput, Reduction.ReductionSettings>(
            Reduction.ReductionStrategies.Cpu(cpu));
        services.AddAlgorithm<Reconstruction.Insertion.FourierInsertion, Reconstruction.Insertion.FourierInsertionOutput, Reconstruction.Insertion.FourierInsertionInput, Reconstruction.Insertion.FourierInsertionSettings>(
            Reconstruction.Insertion.FourierInsertionStrategies.Cpu(cpu));
        return services;
    }

    /// <summary>Registers an algorithm type and strategy factories for it.</summary>
    public static IServiceCollection AddAlgorithm<TAlgorithm, TOut, TIn, TSettings>(
        this IServiceCollection services,
        IEnumerable<StrategyFactory<TOut, TIn, TSettings>> strategies)
        where TAlgorithm : class, IAlgorithm<TOut, TIn, TSettings>
        where TOut : PayloadWrapper
        where TIn : PayloadWrapper
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(strategies);
        services.TryAddTransient<TAlgorithm>();
        foreach (var factory in strategies)
        {
            services.AddSingleton(factory);
        }

        return services;
    }
}
