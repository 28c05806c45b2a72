using FsCheck;
using FsCheck.Fluent;
using Oompa.Algorithms.Correlation;
using Oompa.Algorithms.Tests.Support;
using Oompa.Core.Data;

namespace Oompa.Algorithms.Tests.Correlation;

/// <summary>A random Correlation request: sizes 1D–3D, batches 1..17 (2..17 within a batch), half or full spectra,
/// shifted or not, centring where the sizes allow it, and paddings for every payload.</summary>
public sealed record CorrelationCase(
    Size Spatial, int N2, CorrelationSettings Settings, FourierState State, Padding Pad1, Padding Pad2, Padding PadOut, int Seed)
{
    public static Gen<CorrelationCase> Gen() =>
        from dims in FsCheck.Fluent.Gen.Choose(1, 3)
        from within in FsCheck.Fluent.Gen.Elements(false, true)
        from size in Gens.SizeOf(dims, max: dims == 3 ? 8 : 16, maxBatch: 17)
        from n2 in Gens.Batch(within ? 1 : 12)
        from n1 in within ? FsCheck.Fluent.Gen.Choose(2, 17) : FsCheck.Fluent.Gen.Choose(1, 12)
        from center in FsCheck.Fluent.Gen.Elements(false, true)
        from full in FsCheck.Fluent.Gen.Elements(false, true)
        from shifted in FsCheck.Fluent.Gen.Elements(false, true)
        from normalized in FsCheck.Fluent.Gen.Elements(false, true)
        let spatial = size.WithN(n1)
        let state = (full ? FourierState.FullSpectrum : 0) | (shifted ? FourierState.Shifted : 0) | (normalized ? FourierState.Normalized : 0)
        let frequency = full ? spatial : new Size((spatial.X / 2) + 1, spatial.Y, spatial.Z)
        from pad1 in Gens.PaddingFor(frequency)
        from pad2 in Gens.PaddingFor(frequency)
        from padOut in Gens.PaddingFor(frequency)
        from seed in Gens.Seed
        select new CorrelationCase(
            spatial,
            n2,
            new CorrelationSettings(within ? CorrelationMode.WithinBatch : CorrelationMode.AllPairs, center && CanCenter(spatial)),
            state,
            pad1,
            pad2,
            padOut,
            seed);

    /// <summary>Whether every axis longer than one is even.</summary>
    public static bool CanCenter(Size s) => (s.X == 1 || s.X % 2 == 0) && (s.Y == 1 || s.Y % 2 == 0) && (s.Z == 1 || s.Z % 2 == 0);
}
