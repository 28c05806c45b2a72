using FsCheck;
using FsCheck.Fluent;
using Oompa.Core.Data;

namespace Oompa.Core.Tests.Data;

public class FourierDescriptorTests
{
    private static readonly Gen<Size> Sizes =
        from x in Gen.Choose(1, 200)
        from y in Gen.Choose(1, 50)
        from z in Gen.Choose(1, 20)
        from n in Gen.Choose(1, 9)
        select new Size(x, y, z, n);

    [Fact]
    public void Hermitian_half_has_x_over_2_plus_1_columns() =>
        Prop.ForAll(Arb.From(Sizes), s =>
        {
            var d = FourierDescriptor.ForSpatial(s).ToFrequency();
            return d.FrequencySize == new Size((s.X / 2) + 1, s.Y, s.Z, s.N)
                && d.Layout.Size == d.FrequencySize
                && d.ElementCount == d.FrequencySize.Total
                && d.SpatialSize == s;
        }).QuickCheckThrowOnFailure();

    [Fact]
    public void Full_spectrum_keeps_the_spatial_size() =>
        Prop.ForAll(Arb.From(Sizes), s =>
            new FourierDescriptor(s, FourierDomain.Frequency, FourierState.FullSpectrum).FrequencySize == s)
        .QuickCheckThrowOnFailure();

    [Fact]
    public void In_place_layout_holds_the_half_spectrum_in_the_same_bytes() =>
        Prop.ForAll(Arb.From(Sizes), s =>
        {
            var spatial = FourierDescriptor.ForInPlace(s);
            var freq = spatial.ToFrequency();
            return spatial.ElementCount * DataType.Float32.Size == freq.ElementCount * DataType.Complex32.Size
                && spatial.Spatial.PaddedSize.X == 2 * ((s.X / 2) + 1);
        }).QuickCheckThrowOnFailure();

    [Fact]
    public void Conversions_keep_state_and_padding_and_equality_sees_every_field()
    {
        var s = new Size(8, 6, 1, 2);
        var spatial = FourierDescriptor.ForSpatial(s, new Padding(xEnd: 2));
        var freq = spatial.ToFrequency(FourierState.Centered | FourierState.Normalized);
        Assert.Equal(FourierDomain.Frequency, freq.Domain);
        Assert.Equal(FourierState.Centered | FourierState.Normalized, freq.State);
        Assert.Equal(spatial.Spatial, freq.Spatial);
        Assert.Equal(spatial, freq.ToSpatial().WithState(FourierState.None));
        Assert.NotEqual(freq, freq.WithState(FourierState.Centered));
        Assert.NotEqual(freq, new FourierDescriptor(s, FourierDomain.Frequency, freq.State, default, new Padding(xEnd: 1)));
        Assert.Equal(1f / 48, freq.NormalizationFactor);
    }

    [Fact]
    public void Unknown_flags_are_rejected() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new FourierDescriptor(new Size(4), FourierDomain.Spatial, (FourierState)64));
}
