using Oompa.Benchmarks.OpenCl;
using Oompa.Core.Devices.OpenCl;

namespace Oompa.Benchmarks.Tuning;

/// <summary>
/// The workloads <c>bench tuner</c> tunes: every case of <c>bench opencl</c> (<see cref="OpenClBenchCases.All"/>), plus
/// <see cref="Extra"/> for kernels that benchmark has no case for. A case tunes whichever kernels its algorithm's
/// strategies join the tuner with, so adding a case is all it takes to tune a new kernel.
/// </summary>
internal static class TunerBenchCases
{
    /// <summary>Cases for kernels <c>bench opencl</c> does not run; each builds its algorithm on device-resident data of side S.</summary>
    /// <remarks>FourierInsertion's three kernel definitions run on 64² projections whatever S is (<see cref="InsertionBench.TunerCases"/>).</remarks>
    public static IReadOnlyList<Func<OpenClDevice, int, OpenClBenchCase>> Extra { get; } = [.. InsertionBench.TunerCases];

    /// <summary>Every case, <c>bench opencl</c>'s first.</summary>
    public static IEnumerable<Func<OpenClDevice, int, OpenClBenchCase>> All => OpenClBenchCases.All.Concat(Extra);
}
