using Oompa.Algorithms.Reduction;
using Oompa.Algorithms.Reduction.OpenCl;
using Oompa.Algorithms.Tests.Support;
using Oompa.Core.Algorithms;
using Oompa.Core.Data;
using Oompa.Core.Devices;
using Oompa.Tuning.Spaces;
using Reduce = Oompa.Algorithms.Reduction.Reduction;

namespace Oompa.Algorithms.Tests.Reduction;

/// <summary>
/// Shared by the OpenCL Reduction tests: the CPU reference, the OpenCL strategy (optionally with a tuning configuration
/// or float-float sums), runs on guarded payloads, and the comparison of statistics. Min, Max and PiecewiseAdd are
/// compared exactly; Sum and Mean within the two results' float roundings (2.4e-7 relative) plus 1e-12·Σ|v| (sums in
/// another order), the statistics suite's bound applied to two results that each meet it.
/// </summary>
internal static class OpenClReductionComparison
{
    internal static readonly StrategyFactory<ReductionOutput, ReductionInput, ReductionSettings> Cpu =
        ReductionStrategies.Cpu(new CpuDevice(1)).Single(f => f.Name == ReductionStrategies.CpuSingleThreaded);

    internal static readonly ReductionOperation[] Statistics = [ReductionOperation.Sum, ReductionOperation.Mean, ReductionOperation.Min, ReductionOperation.Max];

    internal static StrategyFactory<ReductionOutput, ReductionInput, ReductionSettings> OpenCl(TuningConfiguration? configuration = null, bool floatFloat = false) =>
        new(ReductionStrategies.OpenClKernels, () => new OpenClReduction(ReductionStrategies.OpenClKernels, OpenClTestDevice.Device, floatFloat) { Configuration = configuration });

    internal static float[] Statistic(StrategyFactory<ReductionOutput, ReductionInput, ReductionSettings> strategy, LogicalDescriptor layout, float[] data, ReductionOperation operation)
    {
        using var input = new GuardedPayload<LogicalDescriptor>(layout, DataType.Float32, "data");
        input.SetLogical<float>(data);
        var settings = new ReductionSettings(operation);
        using var values = new GuardedPayload<LogicalDescriptor>(Reduce.OutputDescriptor(layout, settings), DataType.Float32, "values");
        using var algorithm = new Reduce([strategy]);
        var o = ReductionOutput.PerSignal(values.Payload);
        var i = new ReductionInput(input.Payload);
        algorithm.Init(o, i, settings).ThrowIfFailed();
        algorithm.Execute(o, i);
        algorithm.Synchronize();
        values.AssertGuardsIntact();
        return values.GetLogical<float>();
    }

    internal static ComplexF[] Accumulate(StrategyFactory<ReductionOutput, ReductionInput, ReductionSettings> strategy, LogicalDescriptor layout, ComplexF[] a, ComplexF[] b)
    {
        using var output = new GuardedPayload<LogicalDescriptor>(layout, DataType.Complex32, "accumulator");
        using var input = new GuardedPayload<LogicalDescriptor>(layout, DataType.Complex32, "increment");
        output.SetLogical<ComplexF>(a);
        input.SetLogical<ComplexF>(b);
        using var algorithm = new Reduce([strategy]);
        var o = ReductionOutput.Accumulate(output.Payload);
        var i = new ReductionInput(input.Payload);
        algorithm.Init(o, i, ReductionSettings.PiecewiseAdd).ThrowIfFailed();
        algorithm.Execute(o, i);
        algorithm.Synchronize();
        output.AssertPaddingUntouched();
        output.AssertGuardsIntact();
        return output.GetLogical<ComplexF>();
    }

    /// <summary>Checks <paramref name="actual"/> against <paramref name="expected"/> (the CPU's): exact for Min and Max, within
    /// one float rounding plus 1e-12·Σ|v| for sums.</summary>
    internal static void AssertAgrees(float[] expected, float[] actual, float[] data, Size size, ReductionOperation operation)
    {
        for (int n = 0; n < size.N; n++)
        {
            double bound = 0;
            if (operation is ReductionOperation.Sum or ReductionOperation.Mean)
            {
                double absolute = new ArraySegment<float>(data, (int)(n * size.Single), (int)size.Single).Sum(v => Math.Abs((double)v));
                bound = (2.4e-7 * Math.Abs(expected[n])) + (1e-12 * absolute / (operation == ReductionOperation.Mean ? size.Single : 1));
            }

            if (!(Math.Abs(expected[n] - actual[n]) <= bound) && !(float.IsNaN(expected[n]) && float.IsNaN(actual[n])))
            {
                Assert.Fail($"{operation} of signal {n}: expected {expected[n]}, got {actual[n]} (bound {bound:G3}).");
            }
        }
    }
}
