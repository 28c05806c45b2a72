using Oompa.Algorithms.Common.OpenCl;
using Oompa.Algorithms.FourierProcessing;
using Oompa.Algorithms.FourierProcessing.OpenCl;
using Oompa.Algorithms.Tests.Support;
using Oompa.Core.Algorithms;
using Oompa.Core.Data;
using Oompa.Tuning.Spaces;
using Fp = Oompa.Algorithms.FourierProcessing.FourierProcessing;

namespace Oompa.Algorithms.Tests.FourierProcessing;

/// <summary>
/// The autotuner may pick any configuration of <see cref="FourierProcessingKernels.Process"/>, so every one must give
/// the default's result: a fixed-seed sample of the valid configurations (plus the extremes) runs a request that uses
/// every option, a crop and padding, and each result must equal the default's bit for bit. Every configuration does
/// the same float operations per coefficient in the CPU strategies' order, so the default also equals the
/// single-threaded CPU strategy bit for bit. Half the runs launch at most three row groups, so the kernel's grid-stride
/// loop over rows (used for batches beyond the driver's group limit) is exercised too.
/// </summary>
public sealed class OpenClFourierProcessingConfigurationTests
{
    private static readonly FourierProcessingSettings Everything = new()
    {
        Normalize = true, Center = true, Shift = true, ApplyFilter = true, GaussianSigma = 0.15, MaxFrequency = 0.3,
    };

    [Fact]
    public void Sampled_configurations_give_the_defaults_result_bit_for_bit()
    {
        var space = FourierProcessingKernels.Process.Space;
        var sample = Sample(space, 12);
        Assert.True(sample.Count >= 8, $"only {sample.Count} configurations sampled");

        var reference = Run(Cpu(), new Size(30, 22, 1, 3), new Size(26, 18, 1), Everything);
        var byDefault = Run(OpenCl(null, OpenClFourierProcessing.DefaultMaxRowGroups), new Size(30, 22, 1, 3), new Size(26, 18, 1), Everything);
        Assert.Equal(reference, byDefault);
        for (int c = 0; c < sample.Count; c++)
        {
            long cap = c % 2 == 0 ? OpenClFourierProcessing.DefaultMaxRowGroups : 3;
            var actual = Run(OpenCl(sample[c], cap), new Size(30, 22, 1, 3), new Size(26, 18, 1), Everything);
            Assert.True(byDefault.SequenceEqual(actual), $"{sample[c]} (at most {cap} row groups) differs from the default configuration");
        }
    }

    [Fact]
    public void Sampled_configurations_agree_on_3D_crops_without_filter_or_column_factors()
    {
        var settings = new FourierProcessingSettings { Normalize = true, MaxFrequency = 0.35 };
        var input = new Size(11, 9, 7, 2);
        var output = new Size(9, 6, 5);
        var byDefault = Run(OpenCl(null, OpenClFourierProcessing.DefaultMaxRowGroups), input, output, settings);
        Assert.Equal(Run(Cpu(), input, output, settings), byDefault);
        foreach (var configuration in Sample(FourierProcessingKernels.Process.Space, 8))
        {
            Assert.True(byDefault.SequenceEqual(Run(OpenCl(configuration, 2), input, output, settings)), $"{configuration} differs from the default configuration");
        }
    }

    /// <summary>The extremes of every parameter that the constraints allow, then a fixed-seed random sample, no repeats.</summary>
    internal static List<TuningConfiguration> Sample(TuningSpace space, int count)
    {
        var valid = space.Enumerate().ToList();
        var chosen = new List<TuningConfiguration> { valid[0], valid[^1] };
        var random = new Random(20240611);
        while (chosen.Count < Math.Min(count, valid.Count))
        {
            var candidate = valid[random.Next(valid.Count)];
            if (!chosen.Contains(candidate))
            {
                chosen.Add(candidate);
            }
        }

        return chosen;
    }

    private static StrategyFactory<FourierProcessingOutput, FourierProcessingInput, FourierProcessingSettings> Cpu() =>
        FourierProcessingStrategies.Cpu(new Oompa.Core.Devices.CpuDevice(1)).Single(f => f.Name == FourierProcessingStrategies.CpuSingleThreaded);

    private static StrategyFactory<FourierProcessingOutput, FourierProcessingInput, FourierProcessingSettings> OpenCl(TuningConfiguration? configuration, long maxRowGroups) =>
        new(OpenClStrategies.Kernels, () => new OpenClFourierProcessing(OpenClStrategies.Kernels, OpenClTestDevice.Device, maxRowGroups) { Configuration = configuration });

    private static ComplexF[] Run(
        StrategyFactory<FourierProcessingOutput, FourierProcessingInput, FourierProcessingSettings> strategy, Size inputSize, Size outputSize, FourierProcessingSettings settings)
    {
        var inD = new FourierDescriptor(inputSize, FourierDomain.Frequency, frequencyPadding: new Padding(1, 2, 1, 0));
        var outD = Fp.OutputDescriptor(inD, outputSize, settings, new Padding(0, 3, 0, 1));
        using var input = new GuardedPayload<FourierDescriptor>(inD, DataType.Complex32, "in");
        using var output = new GuardedPayload<FourierDescriptor>(outD, DataType.Complex32, "out");
        using var filter = new GuardedPayload<LogicalDescriptor>(new LogicalDescriptor(outD.FrequencySize.WithN(1), new Padding(2, 1)), DataType.Float32, "filter");
        input.SetLogical<ComplexF>(Gens.Complexes(inputSize.X + inputSize.Z, inD.FrequencySize.Total));
        filter.SetLogical<float>(Gens.Floats(outputSize.Y, outD.FrequencySize.Single));
        using var algorithm = new Fp([strategy]);
        var o = new FourierProcessingOutput(output.Payload);
        var i = new FourierProcessingInput(input.Payload, settings.ApplyFilter ? filter.Payload : null);
        algorithm.Init(o, i, settings).ThrowIfFailed();
        algorithm.Execute(o, i);
        algorithm.Synchronize();
        output.AssertPaddingUntouched();
        output.AssertGuardsIntact();
        return output.GetLogical<ComplexF>();
    }
}
