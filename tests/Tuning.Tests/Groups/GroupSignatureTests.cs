using Oompa.Core.Data;
using Oompa.Tuning.Groups;

namespace Oompa.Tuning.Tests.Groups;

public class GroupSignatureTests
{
    private sealed record Output(Payload<LogicalDescriptor> Data, Payload<LogicalDescriptor>? Extra) : PayloadWrapper
    {
        public override IReadOnlyList<PayloadMember> Members => [new(nameof(Data), Data), new(nameof(Extra), Extra)];
    }

    private sealed record Settings(float Value, string Mode);

    private static Output Request(int x, int y, int n = 1, Padding padding = default) =>
        new(Payload<LogicalDescriptor>.Describe(new LogicalDescriptor(new Size(x, y, 1, n), padding), DataType.Float32), null);

    [Fact]
    public void The_default_signature_names_types_descriptor_fields_absent_members_and_settings()
    {
        var signature = GroupSignature.Of(Request(64, 32, 5), NoPayloads.Instance, new Settings(1.5f, "a;b"));

        Assert.Equal("Float32", signature["out.Data.Type"]);
        Assert.Equal("64", signature["out.Data.Size.X"]);
        Assert.Equal("5", signature["out.Data.Size.N"]);
        Assert.Equal("absent", signature["out.Extra"]);
        Assert.Equal("Settings { Value = 1.5, Mode = a,b }", signature["settings"]);
        Assert.True(signature.Features.Single(f => f.Name == "out.Data.Size.N").IsBatch);
        Assert.False(signature.Features.Single(f => f.Name == "out.Data.Size.X").IsBatch);
        Assert.Null(GroupSignature.Of(Request(64, 32), NoPayloads.Instance, null)["settings"]);
    }

    [Fact]
    public void Text_parses_back_to_an_equal_signature()
    {
        var signature = GroupSignature.Of(Request(7, 3, 2, new Padding(1, 2, 0, 0, 0, 0)), NoPayloads.Instance, new Settings(2, "x=y"));
        var parsed = GroupSignature.Parse(signature.Text);

        Assert.Equal(signature, parsed);
        Assert.Equal(signature.Features, parsed.Features);
        Assert.Equal(GroupSignature.Empty, GroupSignature.Parse(""));
        Assert.Null(GroupSignature.TryParse("no-equals-sign"));
        Assert.Throws<FormatException>(() => GroupSignature.Parse("a=1;a=2"));
    }

    [Fact]
    public void Distance_is_zero_for_equal_groups_and_grows_with_log_size_and_differing_categories()
    {
        var a = GroupSignature.Of(Request(64, 64), NoPayloads.Instance, null);
        var b = GroupSignature.Of(Request(64, 128), NoPayloads.Instance, null);
        var c = GroupSignature.Of(Request(64, 4096), NoPayloads.Instance, null);
        var settings = GroupSignature.Of(Request(64, 64), NoPayloads.Instance, new Settings(1, "m"));

        Assert.Equal(0, a.DistanceTo(a));
        Assert.Equal(a.DistanceTo(b), b.DistanceTo(a), 12);
        Assert.InRange(a.DistanceTo(b), 0.9, 1.1);
        Assert.True(a.DistanceTo(c) > a.DistanceTo(b));
        Assert.Equal(1, a.DistanceTo(settings), 12);
        Assert.Equal(1, a.DistanceTo(a.With(GroupFeature.Category("out.Data.Type", "Float64"))), 12);
    }

    [Fact]
    public void Only_batch_differences_make_groups_similar()
    {
        var a = GroupSignature.Of(Request(64, 64, 4), NoPayloads.Instance, null);

        Assert.True(a.DiffersOnlyInBatch(GroupSignature.Of(Request(64, 64, 17), NoPayloads.Instance, null)));
        Assert.False(a.DiffersOnlyInBatch(a));
        Assert.False(a.DiffersOnlyInBatch(GroupSignature.Of(Request(64, 32, 17), NoPayloads.Instance, null)));
        Assert.False(a.DiffersOnlyInBatch(GroupSignature.Of(Request(64, 64, 4), NoPayloads.Instance, new Settings(0, "s"))));
    }

    [Fact]
    public void Features_reject_separators()
    {
        Assert.Throws<ArgumentException>(() => new GroupFeature("a=b", "1"));
        Assert.Throws<ArgumentException>(() => new GroupFeature("a", "1;2"));
        Assert.Equal("a,b", GroupFeature.Category("n", "a;b").Value);
        Assert.Throws<ArgumentException>(() => new GroupSignature([GroupFeature.Numeric("n", 1), GroupFeature.Numeric("n", 2)]));
    }
}
