using Oompa.Core.Data;

namespace Oompa.Core.Tests.Data;

public class DataTypeTests
{
    [Fact]
    public void Sizes_and_names_are_portable()
    {
        Assert.Equal(4, DataType.Float32.Size);
        Assert.Equal(8, DataType.Complex32.Size);
        Assert.Equal(16, DataType.Complex64.Size);
        Assert.Equal("Complex32", DataType.Complex32.ToString());
        Assert.Equal("Struct(TraverseSpace,96)", DataType.Struct(96, "TraverseSpace").ToString());
    }

    [Fact]
    public void Equality_compares_kind_size_and_name()
    {
        Assert.Equal(DataType.Struct(8, "A"), DataType.Struct(8, "A"));
        Assert.NotEqual(DataType.Struct(8, "A"), DataType.Struct(8, "B"));
        Assert.NotEqual(DataType.Struct(8, "A"), DataType.Struct(16, "A"));
        Assert.NotEqual(DataType.Complex32, DataType.Float64);
    }

    [Fact]
    public void Of_maps_clr_types()
    {
        Assert.Equal(DataType.Float32, DataType.Of<float>());
        Assert.Equal(DataType.Complex32, DataType.Of<ComplexF>());
        Assert.True(DataType.Float64.Is<double>());
        Assert.False(DataType.Float32.Is<double>());
        Assert.Throws<NotSupportedException>(() => DataType.Of<long>());
    }
}
