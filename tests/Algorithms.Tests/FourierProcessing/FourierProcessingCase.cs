using FsCheck;
using FsCheck.Fluent;
using Oompa.Algorithms.FourierProcessing;
using Oompa.Algorithms.Tests.Support;
using Oompa.Core.Data;

namespace Oompa.Algorithms.Tests.FourierProcessing;

/// <summary>A random FourierProcessing request: sizes (1D–3D, batch 1..17), a crop, options and paddings.</summary>
public sealed record FourierProcessingCase(
    Size Input, Size Output, FourierProcessingSettings Settings, Padding InputPadding, Padding OutputPadding, Padding FilterPadding, int Seed)
{
    public static Gen<FourierProcessingCase> Gen() =>
        from dims in FsCheck.Fluent.Gen.Choose(1, 3)
        from input in Gens.SizeOf(dims, max: dims == 3 ? 10 : 20, maxBatch: 17)
        from ox in FsCheck.Fluent.Gen.Choose(1, input.X)
        from oy in FsCheck.Fluent.Gen.Choose(1, input.Y)
        from oz in FsCheck.Fluent.Gen.Choose(1, input.Z)
        from flags in FsCheck.Fluent.Gen.Choose(0, 15)
        from sigma in FsCheck.Fluent.Gen.Elements<double?>(null, 0.05, 0.125, 0.3)
        from fmax in FsCheck.Fluent.Gen.Elements<double?>(null, 0.1, 0.25, 0.37, 0.5)
        from inPad in Gens.PaddingFor(Frequency(input))
        from outPad in Gens.PaddingFor(Frequency(new Size(ox, oy, oz, input.N)))
        from filterPad in Gens.PaddingFor(Frequency(new Size(ox, oy, oz)))
        from seed in Gens.Seed
        let output = new Size(ox, oy, oz, input.N)
        select new FourierProcessingCase(
            input,
            output,
            new FourierProcessingSettings
            {
                Normalize = (flags & 1) != 0,
                Center = (flags & 2) != 0 && CanCenter(output),
                Shift = (flags & 4) != 0,
                ApplyFilter = (flags & 8) != 0,
                GaussianSigma = sigma,
                MaxFrequency = fmax,
            },
            inPad,
            outPad,
            filterPad,
            seed);

    /// <summary>Whether every axis longer than one is even.</summary>
    public static bool CanCenter(Size s) => (s.X == 1 || s.X % 2 == 0) && (s.Y == 1 || s.Y % 2 == 0) && (s.Z == 1 || s.Z % 2 == 0);

    private static Size Frequency(Size spatial) => new((spatial.X / 2) + 1, spatial.Y, spatial.Z, spatial.N);
}
