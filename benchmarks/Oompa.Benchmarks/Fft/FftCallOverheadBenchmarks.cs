using BenchmarkDotNet.Attributes;
using Oompa.Core.Data;

namespace Oompa.Benchmarks.Fft;

/// <summary>
/// The fixed cost of one <c>Execute</c> call, made visible by a transform so small (one 64² image) that FFTW takes
/// microseconds: the difference of the two means is the per-call overhead of validation and plan selection.
/// </summary>
[MemoryDiagnoser]
public class FftCallOverheadBenchmarks : FftOverheadBenchmarkBase
{
    protected override Size Size { get; } = new(64, 64, 1, 1);
}
