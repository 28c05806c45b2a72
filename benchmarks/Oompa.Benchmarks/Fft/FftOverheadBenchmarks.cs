using BenchmarkDotNet.Attributes;
using Oompa.Core.Data;

namespace Oompa.Benchmarks.Fft;

/// <summary>
/// The FFT overhead benchmark: a batch of 10 × 1024² real-to-complex out-of-place transforms, the algorithm's
/// <c>Execute</c> against the same cached FFTW plan executed directly (baseline), multi-threaded. Target ratio ≤ 1.05.
/// </summary>
public class FftOverheadBenchmarks : FftOverheadBenchmarkBase
{
    protected override Size Size { get; } = new(1024, 1024, 1, 10);
}
