using FsCheck;
using FsCheck.Fluent;
using Oompa.Algorithms.Reconstruction.Geometry;
using Oompa.Algorithms.Reconstruction.Insertion;
using Oompa.Algorithms.Tests.Support;
using Oompa.Core.Data;

namespace Oompa.Algorithms.Tests.Reconstruction.Insertion;

/// <summary>One generated insertion request: sizes, orientations, operators, settings, paddings and a data seed.</summary>
public sealed record InsertionCase(
    int Half,
    int Count,
    EulerAngles[] Orientations,
    EulerAngles[] Operators,
    float[] Weights,
    int[] ProjectionIndices,
    FourierInsertionSettings Settings,
    int TableSize,
    Padding SpectraPadding,
    Padding VolumePadding,
    Padding WeightsPadding,
    int Seed)
{
    /// <summary>Angles on a 0.001° grid, or (one time in two) multiples of 90°, which put slices on volume planes.</summary>
    public static Gen<EulerAngles> Angles =>
        Gen.OneOf(
            from rot in Gen.Choose(0, 359999)
            from tilt in Gen.Choose(0, 180000)
            from psi in Gen.Choose(0, 359999)
            select new EulerAngles(rot / 1000.0, tilt / 1000.0, psi / 1000.0),
            from rot in Gen.Choose(0, 3)
            from tilt in Gen.Choose(0, 2)
            from psi in Gen.Choose(0, 3)
            select new EulerAngles(90 * rot, 90 * tilt, 90 * psi));

    public static Gen<FourierInsertionSettings> BlobSettings =>
        from radius in Gen.Choose(100, 300).Where(r => Math.Abs((r * r / 1e4) - Math.Round(r * r / 1e4)) > 0.01)
        from order in Gen.Choose(0, 4)
        from alpha in Gen.Choose(30, 200)
        from table in Gen.Elements(true, false)
        select new FourierInsertionSettings(radius / 100.0, order, alpha / 10.0, InsertionMode.Blob, table ? BlobEvaluation.Table : BlobEvaluation.OnTheFly);

    public static Gen<FourierInsertionSettings> NearestSettings => Gen.Constant(new FourierInsertionSettings(Mode: InsertionMode.NearestNeighbour));

    public static Gen<InsertionCase> Generate(Gen<FourierInsertionSettings> settings, int maxHalf = 6) =>
        from half in Gen.Choose(1, maxHalf)
        from count in Gen.Choose(1, 3)
        from spaces in Gen.Choose(1, 5)
        from orientations in Angles.ArrayOf(spaces)
        from operators in Angles.ArrayOf(spaces)
        from weights in Gen.Choose(1, 20).ArrayOf(spaces)
        from indices in Gen.Choose(0, count - 1).ArrayOf(spaces)
        from s in settings
        from tableSize in Gen.Elements(FourierInsertionSettings.DefaultTableSize, 2000)
        from sp in Gens.PaddingFor(new Size(half + 1, (2 * half) + 1), 2)
        from vp in Gens.PaddingFor(new Size(3, 3, 3), 2)
        from wp in Gens.PaddingFor(new Size(3, 3, 3), 2)
        from seed in Gens.Seed
        select new InsertionCase(half, count, orientations, operators, [.. weights.Select(w => w / 10f)], indices, s, tableSize, sp, vp, wp, seed);

    /// <summary>Whether every angle is generic (not a multiple of 90°), so few voxels sit on a rounding tie.</summary>
    public bool Generic => Orientations.Concat(Operators).All(e => new[] { e.Rot, e.Tilt, e.Psi }.All(a => a % 90 != 0));

    public TraverseSpace[] Spaces() =>
        [.. Orientations.Select((o, k) => TraverseSpaces.Create(o.ToMatrix(), Operators[k].ToMatrix(), Half, Settings, ProjectionIndices[k], Weights[k]))];

    public override string ToString() =>
        $"R={Half} N={Count} spaces={Orientations.Length} {Settings} table={TableSize} pads={SpectraPadding}/{VolumePadding}/{WeightsPadding} seed={Seed} " +
        $"orientations=[{string.Join("; ", Orientations)}] operators=[{string.Join("; ", Operators)}]";
}
