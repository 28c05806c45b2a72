using Oompa.Algorithms.Common.OpenCl;
using Oompa.Algorithms.Correlation;
using Oompa.Algorithms.Correlation.OpenCl;
using Oompa.Algorithms.Tests.FourierProcessing;
using Oompa.Algorithms.Tests.Support;
using Oompa.Core.Algorithms;
using Oompa.Core.Data;
using Oompa.Core.Devices;
using Oompa.Tuning.Spaces;
using Corr = Oompa.Algorithms.Correlation.Correlation;

namespace Oompa.Algorithms.Tests.Correlation;

/// <summary>
/// The autotuner may pick any configuration of <see cref="CorrelationKernels.Correlate"/>, so every one must give the
/// default's result: a fixed-seed sample of the valid configurations (plus the extremes) runs both pair orders with
/// centring, padding, odd row widths (the VEC = 2 tail) and pair counts that are not multiples of PAIRS, and each
/// result must equal the default's bit for bit. Every configuration computes each coefficient with the same float
/// operations as the CPU row kernel, so the default also equals the single-threaded CPU strategy bit for bit. Half the
/// runs launch at most three item groups, exercising the kernel's grid-stride loop over (row, pair-tile) items.
/// </summary>
public sealed class OpenClCorrelationConfigurationTests
{
    [Theory]
    [InlineData(CorrelationMode.AllPairs, 10, 6, 1, 3, 5, true)]
    [InlineData(CorrelationMode.WithinBatch, 7, 5, 3, 6, 0, false)]
    [InlineData(CorrelationMode.WithinBatch, 12, 4, 2, 5, 0, true)]
    public void Sampled_configurations_give_the_defaults_result_bit_for_bit(CorrelationMode mode, int x, int y, int z, int n1, int n2, bool center)
    {
        var request = new Request(new Size(x, y, z, n1), n2, new CorrelationSettings(mode, center));
        var byDefault = Run(OpenCl(null, OpenClCorrelation.DefaultMaxItemGroups), request);
        Assert.Equal(Run(Cpu(), request), byDefault);
        var sample = OpenClFourierProcessingConfigurationTests.Sample(CorrelationKernels.Correlate.Space, 12);
        Assert.True(sample.Count >= 8, $"only {sample.Count} configurations sampled");
        for (int c = 0; c < sample.Count; c++)
        {
            long cap = c % 2 == 0 ? OpenClCorrelation.DefaultMaxItemGroups : 3;
            var actual = Run(OpenCl(sample[c], cap), request);
            Assert.True(byDefault.SequenceEqual(actual), $"{sample[c]} (at most {cap} item groups) differs from the default configuration");
        }
    }

    private static StrategyFactory<CorrelationOutput, CorrelationInput, CorrelationSettings> Cpu() =>
        CorrelationStrategies.Cpu(new CpuDevice(1)).Single(f => f.Name == CorrelationStrategies.CpuSingleThreaded);

    private static StrategyFactory<CorrelationOutput, CorrelationInput, CorrelationSettings> OpenCl(TuningConfiguration? configuration, long maxItemGroups) =>
        new(OpenClStrategies.Kernels, () => new OpenClCorrelation(OpenClStrategies.Kernels, OpenClTestDevice.Device, maxItemGroups) { Configuration = configuration });

    private static ComplexF[] Run(StrategyFactory<CorrelationOutput, CorrelationInput, CorrelationSettings> strategy, Request request)
    {
        bool within = request.Settings.Mode == CorrelationMode.WithinBatch;
        var d1 = new FourierDescriptor(request.Data1, FourierDomain.Frequency, frequencyPadding: new Padding(1, 1, 0, 2));
        var d2 = new FourierDescriptor(request.Data1.WithN(Math.Max(request.N2, 1)), FourierDomain.Frequency, frequencyPadding: new Padding(0, 2, 1, 0));
        var outD = Corr.OutputDescriptor(d1, within ? null : d2, request.Settings, new Padding(2, 0, 1, 1));
        using var a = new GuardedPayload<FourierDescriptor>(d1, DataType.Complex32, "a");
        using var b = new GuardedPayload<FourierDescriptor>(d2, DataType.Complex32, "b");
        using var output = new GuardedPayload<FourierDescriptor>(outD, DataType.Complex32, "out");
        a.SetLogical<ComplexF>(Gens.Complexes(request.Data1.X, d1.FrequencySize.Total));
        b.SetLogical<ComplexF>(Gens.Complexes(request.Data1.Y, d2.FrequencySize.Total));
        using var algorithm = new Corr([strategy]);
        var o = new CorrelationOutput(output.Payload);
        var i = new CorrelationInput(a.Payload, within ? null : b.Payload);
        algorithm.Init(o, i, request.Settings).ThrowIfFailed();
        algorithm.Execute(o, i);
        algorithm.Synchronize();
        output.AssertPaddingUntouched();
        output.AssertGuardsIntact();
        return output.GetLogical<ComplexF>();
    }

    private sealed record Request(Size Data1, int N2, CorrelationSettings Settings);
}
