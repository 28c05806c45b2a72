using Oompa.Core.Devices;
using Oompa.Samples.FlexAlign;
using Oompa.Samples.FlexAlign.Global;
using Oompa.Samples.FlexAlign.LocalAlignment;
using Oompa.Samples.FlexAlign.Movie;

namespace Oompa.Samples.Tests.LocalAlignment;

/// <summary>Patch layout defaults, explicit counts and the errors of the local alignment.</summary>
public sealed class LocalAlignmentSettingsTests
{
    [Fact]
    public void Default_layout_has_more_patches_than_control_points()
    {
        // 4096 px at 1 A/px with 500 A patches: ceil(4096/500) = 9 per axis; 512 px: ceil = 2, raised to 6 + 1.
        var large = LocalAligner.Layout(4096, 4096, new LocalAlignmentSettings());
        Assert.Equal((9, 9, 500), (large.CountX, large.CountY, large.X.PatchSize));
        var small = LocalAligner.Layout(512, 400, new LocalAlignmentSettings { PatchSize = 128 });
        Assert.Equal((7, 7, 128, 128), (small.CountX, small.CountY, small.X.PatchSize, small.Y.PatchSize));
    }

    [Fact]
    public void Explicit_counts_and_pixel_size_are_honoured()
    {
        var layout = LocalAligner.Layout(1000, 800, new LocalAlignmentSettings { PixelSize = 2, PatchSize = 301, PatchesX = 9, PatchesY = 8 });
        Assert.Equal((9, 8, 150), (layout.CountX, layout.CountY, layout.X.PatchSize));
        Assert.Equal(0, layout[0].OriginX);
        Assert.Equal(1000 - 150, layout[8].OriginX);
    }

    [Theory]
    [InlineData(nameof(LocalAlignmentSettings.FrameAveraging))]
    [InlineData(nameof(LocalAlignmentSettings.PatchesX))]
    [InlineData(nameof(LocalAlignmentSettings.ControlPointsT))]
    [InlineData(nameof(LocalAlignmentSettings.PatchSize))]
    public void Invalid_settings_name_the_property(string property)
    {
        var settings = property switch
        {
            nameof(LocalAlignmentSettings.FrameAveraging) => new LocalAlignmentSettings { FrameAveraging = 2 },
            nameof(LocalAlignmentSettings.PatchesX) => new LocalAlignmentSettings { PatchesX = 0 },
            nameof(LocalAlignmentSettings.ControlPointsT) => new LocalAlignmentSettings { ControlPointsT = 2 },
            _ => new LocalAlignmentSettings { PatchSize = double.NaN },
        };
        var e = Assert.ThrowsAny<ArgumentException>(settings.Validate);
        Assert.Equal(property, e.ParamName);
    }

    [Fact]
    public void Too_few_frames_patches_or_shifts_are_input_errors()
    {
        var aligner = new LocalAligner(new AlgorithmProvider(CpuDevice.Default));
        var source = new InMemoryFrameSource(new float[64 * 64 * 4], 64, 64, 4);
        var shifts = new FrameShift[4];
        var frames = Assert.Throws<FlexAlignInputException>(() => aligner.Align(source, shifts, new LocalAlignmentSettings { PatchSize = 16 }));
        Assert.Contains("time control points", frames.Message, StringComparison.Ordinal);
        var missing = Assert.Throws<FlexAlignInputException>(() => aligner.Align(source, new FrameShift[3], new LocalAlignmentSettings { PatchSize = 16, ControlPointsT = 3 }));
        Assert.Contains("3 global shifts for 4 frames", missing.Message, StringComparison.Ordinal);
        var layout = Assert.Throws<FlexAlignInputException>(() => aligner.Align(source, shifts, new LocalAlignmentSettings { PatchSize = 60, ControlPointsT = 3 }));
        Assert.Contains("patch layout", layout.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Fewer_patches_than_control_points_cannot_be_fitted()
    {
        var aligner = new LocalAligner(new AlgorithmProvider(CpuDevice.Default));
        var rng = new Random(3);
        var data = new float[64 * 64 * 4];
        for (int i = 0; i < data.Length; i++)
        {
            data[i] = (float)rng.NextDouble();
        }

        var source = new InMemoryFrameSource(data, 64, 64, 4);
        var settings = new LocalAlignmentSettings { PatchSize = 32, PatchesX = 3, PatchesY = 3, ControlPointsT = 3, MaxResolution = 4, MaxShift = 4 };
        var e = Assert.Throws<FlexAlignInputException>(() => aligner.Align(source, new FrameShift[4], settings));
        Assert.Contains("control points", e.Message, StringComparison.Ordinal);
    }
}
