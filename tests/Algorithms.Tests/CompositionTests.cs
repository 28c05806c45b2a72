using Microsoft.Extensions.DependencyInjection;
using Oompa.Algorithms.Initialization;
using Oompa.Algorithms.Tests.Support;
using Oompa.Core.Data;
using Oompa.Core.Devices;
using Init = Oompa.Algorithms.Initialization.Initialization;

namespace Oompa.Algorithms.Tests;

public class CompositionTests
{
    [Fact]
    public void AddOompa_provides_algorithms_with_their_cpu_strategies_in_order()
    {
        using var provider = new ServiceCollection().AddOompa(o => o.CpuThreads = 2).BuildServiceProvider();
        Assert.Equal(2, provider.GetRequiredService<CpuDevice>().Threads);
        using var init = provider.GetRequiredService<Init>();
        Assert.Equal([InitializationStrategies.CpuMultiThreaded, InitializationStrategies.CpuSingleThreaded], init.StrategyNames);

        using var data = new GuardedPayload<LogicalDescriptor>(new LogicalDescriptor(new Size(3, 3)), DataType.Float32);
        var output = new InitializationOutput(data.Payload);
        Assert.Equal(InitializationStrategies.CpuMultiThreaded, init.Init(output, NoPayloads.Instance, new InitializationSettings(2)).ThrowIfFailed().ChosenStrategy);
        init.Execute(output, NoPayloads.Instance);
        Assert.All(data.GetLogical<float>(), v => Assert.Equal(2f, v));
    }

    [Fact]
    public void Every_algorithm_resolves_with_multi_threaded_then_single_threaded_cpu_strategies()
    {
        using var provider = new ServiceCollection().AddOompa().BuildServiceProvider();
        string[] expected = ["Cpu.MultiThreaded", "Cpu.SingleThreaded"];
        Assert.Equal(expected, provider.GetRequiredService<Oompa.Algorithms.Fft.FourierTransform>().StrategyNames);
        Assert.Equal(expected, provider.GetRequiredService<Oompa.Algorithms.FourierProcessing.FourierProcessing>().StrategyNames);
        Assert.Equal(expected, provider.GetRequiredService<Oompa.Algorithms.Correlation.Correlation>().StrategyNames);
        Assert.Equal(expected, provider.GetRequiredService<Oompa.Algorithms.Extrema.ExtremaFinder>().StrategyNames);
        Assert.Equal(expected, provider.GetRequiredService<Oompa.Algorithms.Reduction.Reduction>().StrategyNames);
        Assert.Equal(expected, provider.GetRequiredService<Oompa.Algorithms.Reconstruction.Insertion.FourierInsertion>().StrategyNames);
        Assert.NotSame(provider.GetRequiredService<Oompa.Algorithms.Reduction.Reduction>(), provider.GetRequiredService<Oompa.Algorithms.Reduction.Reduction>());
    }
}
