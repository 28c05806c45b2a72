using FsCheck;
using FsCheck.Fluent;
using Oompa.Core.Data;

namespace Oompa.Core.Tests.Data;

public class PayloadWrapperTests
{
    private static readonly Size Shape = new(8, 8, 1, 3);

    [Fact]
    public void A_mismatch_in_any_one_of_five_members_is_reported_by_name_and_field() =>
        Prop.ForAll(Arb.From(Gen.Choose(0, 4)), Arb.From(Gen.Choose(0, 2)), (which, kind) =>
        {
            var reference = Five.Of(Shape);
            var payloads = reference.Members.Select(m => (Payload<LogicalDescriptor>)m.Payload!).ToArray();
            payloads[which] = kind switch
            {
                0 => payloads[which] with { Descriptor = new LogicalDescriptor(Shape.WithN(4)) },
                1 => payloads[which] with { Physical = payloads[which].Physical with { Type = DataType.Float64 } },
                _ => payloads[which] with { Descriptor = new LogicalDescriptor(Shape, new Padding(xEnd: 1)) },
            };
            var changed = new Five(payloads[0], payloads[1], payloads[2], payloads[3], payloads[4]);
            var differences = changed.Differences(reference);
            string member = $"member '{Five.Names[which]}'";
            string field = kind switch { 0 => "Size.N", 1 => "Physical.Type", _ => "Padding" };
            return differences.Count == 1
                && differences[0].Contains(member, StringComparison.Ordinal)
                && differences[0].Contains(field, StringComparison.Ordinal)
                && !changed.IsEquivalentTo(reference)
                && !reference.IsEquivalentTo(changed);
        }).QuickCheckThrowOnFailure();

    [Fact]
    public void Too_few_bytes_in_any_one_member_fail_validation() =>
        Prop.ForAll(Arb.From(Gen.Choose(0, 4)), which =>
        {
            var payloads = Five.Of(Shape, withData: true).Members.Select(m => (Payload<LogicalDescriptor>)m.Payload!).ToArray();
            payloads[which] = payloads[which] with { Physical = payloads[which].Physical with { Bytes = payloads[which].RequiredBytes - 4 } };
            var problems = new Five(payloads[0], payloads[1], payloads[2], payloads[3], payloads[4]).Validate(requireData: true);
            return problems.Count == 1 && problems[0].Contains($"'{Five.Names[which]}'", StringComparison.Ordinal) && problems[0].Contains("Physical.Bytes", StringComparison.Ordinal);
        }).QuickCheckThrowOnFailure();

    [Fact]
    public void Data_less_members_are_valid_at_init_but_not_at_execute()
    {
        var described = Five.Of(Shape);
        Assert.Empty(described.Validate(requireData: false));
        Assert.Equal(5, described.Validate(requireData: true).Count);
    }

    [Fact]
    public void Equivalence_ignores_data_and_is_symmetric()
    {
        var withData = Five.Of(Shape, withData: true);
        var without = Five.Of(Shape);
        Assert.True(withData.IsEquivalentTo(without));
        Assert.True(without.IsEquivalentTo(withData));
    }

    [Fact]
    public void Absent_optional_members_are_reported()
    {
        var a = new Optional(Payload<LogicalDescriptor>.Describe(new LogicalDescriptor(Shape), DataType.Float32), null);
        var b = a with { Filter = a.Data };
        Assert.Contains("member 'Filter' is absent here but present", Assert.Single(a.Differences(b)), StringComparison.Ordinal);
        Assert.Empty(a.Validate(requireData: false));
    }

    [Fact]
    public void Physical_inconsistencies_are_reported()
    {
        var p = new Payload<LogicalDescriptor>(new LogicalDescriptor(Shape), new PhysicalDescriptor(0, null, 1024, DataType.Float32, MemoryNode.Host), "frames");
        var problem = Assert.Single(new Optional(p, null).Validate(requireData: true), s => s.Contains("Pointer is null", StringComparison.Ordinal));
        Assert.Contains("'frames'", problem, StringComparison.Ordinal);
        var device = p with { Physical = new PhysicalDescriptor(0, null, 1024, DataType.Float32, MemoryNode.Device(0)) };
        Assert.Contains(new Optional(device, null).Validate(requireData: true), s => s.Contains("Handle is null", StringComparison.Ordinal));
    }

    private sealed record Optional(Payload<LogicalDescriptor> Data, Payload<LogicalDescriptor>? Filter) : PayloadWrapper
    {
        public override IReadOnlyList<PayloadMember> Members => [new(nameof(Data), Data), new(nameof(Filter), Filter)];
    }

    private sealed record Five(
        Payload<LogicalDescriptor> Fft,
        Payload<LogicalDescriptor> Volume,
        Payload<LogicalDescriptor> Weight,
        Payload<LogicalDescriptor> Spaces,
        Payload<LogicalDescriptor> Table) : PayloadWrapper
    {
        public static readonly string[] Names = ["Fft", "Volume", "Weight", "Spaces", "Table"];

        public override IReadOnlyList<PayloadMember> Members =>
            [new(nameof(Fft), Fft), new(nameof(Volume), Volume), new(nameof(Weight), Weight), new(nameof(Spaces), Spaces), new(nameof(Table), Table)];

        public static Five Of(Size size, bool withData = false)
        {
            Payload<LogicalDescriptor> Make(string name)
            {
                var d = new LogicalDescriptor(size);
                // A fake but well-formed host address: validation never dereferences it.
                return withData
                    ? new Payload<LogicalDescriptor>(d, new PhysicalDescriptor(4096, null, d.ElementCount * 4, DataType.Float32, MemoryNode.Host), name)
                    : Payload<LogicalDescriptor>.Describe(d, DataType.Float32, name);
            }

            return new Five(Make("fft"), Make("volume"), Make("weight"), Make("spaces"), Make("table"));
        }
    }
}
