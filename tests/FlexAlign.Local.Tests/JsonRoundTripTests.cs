namespace Oompa.Samples.FlexAlign.Local.Tests;

public class JsonRoundTripTests
{
    [Fact]
    public void Model_survives_a_json_round_trip()
    {
        var model = TestModels.Random(new BSplineGrid(4096, 4096, 40, 7, 6, 5), 1);
        var json = model.ToJson();
        Assert.Contains("\"controlPointsX\":7", json, StringComparison.Ordinal);
        Assert.Contains("\"spacingT\":20", json, StringComparison.Ordinal);
        var back = LocalMotionModel.FromJson(json);
        Assert.Equal(model.Grid, back.Grid);
        Assert.Equal(model.CoefficientsX.ToArray(), back.CoefficientsX.ToArray());
        Assert.Equal(model.CoefficientsY.ToArray(), back.CoefficientsY.ToArray());
        Assert.Equal(model.Shift(1234.5, 17, 33), back.Shift(1234.5, 17, 33));
    }

    [Fact]
    public void Inconsistent_data_is_refused_naming_the_field()
    {
        var data = TestModels.Random(new BSplineGrid(100, 100, 10), 2).ToData();
        var e = Assert.Throws<ArgumentException>(() => LocalMotionModel.FromData(data with { SpacingX = 50 }));
        Assert.Contains("SpacingX", e.Message, StringComparison.Ordinal);
        var c = Assert.Throws<ArgumentException>(() => LocalMotionModel.FromData(data with { CoefficientsY = new double[3] }));
        Assert.Contains("coefficientsY has 3 values", c.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => LocalMotionModel.FromJson("null"));
    }
}
