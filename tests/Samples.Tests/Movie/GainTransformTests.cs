using Oompa.Samples.FlexAlign.Movie;

namespace Oompa.Samples.Tests.Movie;

/// <summary>MotionCor2/RELION gain rotation (90°·n counter-clockwise, y up) and flip (1 upside down, 2 left-right).</summary>
public sealed class GainTransformTests
{
    // 3 x 2 image, rows listed bottom (y = 0) first:   y=1: 4 5 6
    //                                                  y=0: 1 2 3
    private static readonly float[] Image = [1, 2, 3, 4, 5, 6];

    [Fact]
    public void Rotation_1_turns_90_degrees_counter_clockwise()
    {
        // Counter-clockwise with y up: the right column (3, 6) becomes the top row (6 3), the left column the bottom row:
        // y=2: 6 3 / y=1: 5 2 / y=0: 4 1.
        var (data, w, h) = new GainTransform(Rotation: 1).Apply(Image, 3, 2);
        Assert.Equal((2, 3), (w, h));
        Assert.Equal([4f, 1, 5, 2, 6, 3], data);
    }

    [Fact]
    public void Four_rotations_are_the_identity_and_two_are_180_degrees()
    {
        Assert.Equal(Image, new GainTransform(Rotation: 2).Apply(new GainTransform(Rotation: 2).Apply(Image, 3, 2).Data, 3, 2).Data);
        Assert.Equal([6f, 5, 4, 3, 2, 1], new GainTransform(Rotation: 2).Apply(Image, 3, 2).Data);
    }

    [Fact]
    public void Flip_1_is_upside_down_and_flip_2_is_left_right()
    {
        Assert.Equal([4f, 5, 6, 1, 2, 3], new GainTransform(Flip: 1).Apply(Image, 3, 2).Data);
        Assert.Equal([3f, 2, 1, 6, 5, 4], new GainTransform(Flip: 2).Apply(Image, 3, 2).Data);
    }

    [Fact]
    public void Gain_multiplies_after_dark_is_subtracted()
    {
        var correction = new GainCorrection(3, 2, gain: [2, 2, 2, 3, 3, 3], dark: [1, 1, 1, 1, 1, 1]);
        float[] frame = [1, 2, 3, 4, 5, 6];
        correction.Apply(frame);
        Assert.Equal([0f, 2, 4, 9, 12, 15], frame);
    }
}
