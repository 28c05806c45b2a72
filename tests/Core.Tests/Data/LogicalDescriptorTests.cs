using FsCheck;
using FsCheck.Fluent;
using Oompa.Core.Data;

namespace Oompa.Core.Tests.Data;

public class LogicalDescriptorTests
{
    private static readonly Gen<(Size Size, Padding Padding)> Layouts =
        from x in Gen.Choose(1, 9)
        from y in Gen.Choose(1, 7)
        from z in Gen.Choose(1, 5)
        from n in Gen.Choose(1, 4)
        from xb in Gen.Choose(0, 3)
        from xe in Gen.Choose(0, 3)
        from yb in Gen.Choose(0, 3)
        from ye in Gen.Choose(0, 3)
        from zb in Gen.Choose(0, 2)
        from ze in Gen.Choose(0, 2)
        select (new Size(x, y, z, n), new Padding(xb, xe, yb, ye, zb, ze));

    [Fact]
    public void Offsets_of_all_elements_are_distinct_and_inside_the_allocation() =>
        Prop.ForAll(Arb.From(Layouts), t =>
        {
            var d = new LogicalDescriptor(t.Size, t.Padding);
            var seen = new HashSet<long>();
            for (int n = 0; n < t.Size.N; n++)
            {
                for (int z = 0; z < t.Size.Z; z++)
                {
                    for (int y = 0; y < t.Size.Y; y++)
                    {
                        for (int x = 0; x < t.Size.X; x++)
                        {
                            long o = d.Offset(x, y, z, n);
                            if (o < 0 || o >= d.ElementCount || !seen.Add(o))
                            {
                                return false;
                            }
                        }
                    }
                }
            }

            return seen.Count == t.Size.Total;
        }).QuickCheckThrowOnFailure();

    [Fact]
    public void Begin_padding_shifts_the_first_element() =>
        Prop.ForAll(Arb.From(Layouts), t =>
        {
            var d = new LogicalDescriptor(t.Size, t.Padding);
            long expected = (t.Padding.ZBegin * d.PlaneStride) + (t.Padding.YBegin * d.RowStride) + t.Padding.XBegin;
            return d.Offset(0) == expected
                && d.PaddedSize.X == t.Size.X + t.Padding.XBegin + t.Padding.XEnd
                && d.PaddedSize.N == t.Size.N;
        }).QuickCheckThrowOnFailure();

    [Fact]
    public void Row_starts_match_offsets_of_each_rows_first_element() =>
        Prop.ForAll(Arb.From(Layouts), t =>
        {
            var d = new LogicalDescriptor(t.Size, t.Padding);
            long row = 0;
            for (int n = 0; n < t.Size.N; n++)
            {
                for (int z = 0; z < t.Size.Z; z++)
                {
                    for (int y = 0; y < t.Size.Y; y++)
                    {
                        if (d.RowStart(row++) != d.Offset(0, y, z, n))
                        {
                            return false;
                        }
                    }
                }
            }

            return row == d.RowCount;
        }).QuickCheckThrowOnFailure();

    [Theory]
    [InlineData(4, 0, 0, 0)]
    [InlineData(0, 3, 0, 0)]
    [InlineData(0, 0, 2, 0)]
    [InlineData(0, 0, 0, 1)]
    [InlineData(-1, 0, 0, 0)]
    public void Offset_rejects_coordinates_outside_the_size(int x, int y, int z, int n)
    {
        var d = new LogicalDescriptor(new Size(4, 3, 2, 1), new Padding(1, 1, 1, 1, 1, 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => d.Offset(x, y, z, n));
    }

    [Fact]
    public void Negative_padding_is_rejected() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new Padding(xBegin: -1));
}
