using Oompa.Algorithms.Common.OpenCl;
using Oompa.Core.Data;
using Oompa.Core.Devices.OpenCl;
using Oompa.Tuning.Dynamic;
using Oompa.Tuning.Groups;

namespace Oompa.Algorithms.Initialization.OpenCl;

/// <summary>Fills rows with the <c>fill</c> kernel; the element type is a compile-time constant.</summary>
internal sealed class OpenClInitialization(string name, OpenClDevice device)
    : OpenClStrategy<InitializationOutput, NoPayloads, InitializationSettings>(name, device)
{
    private OpenClKernel? kernel;
    private InitializationSettings settings = InitializationSettings.Zero;
    private long groupSize;
    private long items;

    protected override OpenClKernelDefinition TunedKernel => InitializationKernels.Fill;

    /// <summary>The fill value does not change the best configuration: the group is the payload's type and layout.</summary>
    protected override KernelTuningRequest TuningRequest(OpenClKernelDefinition kernel, InitializationOutput output, NoPayloads input, InitializationSettings settings) =>
        base.TuningRequest(kernel, output, input, settings) with { Signature = GroupSignature.Of(output, input, settings: null) };

    protected override void Accept(InitializationOutput output, NoPayloads input, InitializationSettings settings, List<string> reasons)
    {
        var type = output.Data.Physical.Type;
        if (type == DataType.Float64 && !Device.Info.SupportsDouble)
        {
            reasons.Add($"member 'Data' holds Float64 but {Device.Name} has no double precision.");
            return;
        }

        string element = type == DataType.Float64 ? "double" : type == DataType.Complex32 ? "float2" : "float";
        var configuration = Configuration ?? InitializationKernels.Fill.Default;
        var constants = new List<KeyValuePair<string, string>> { new("T", element) };
        if (type == DataType.Float64)
        {
            constants.Add(new("IS_DOUBLE", "1"));
        }

        var program = InitializationKernels.Fill.Build(Device, configuration, constants);
        kernel?.Dispose();
        kernel = program.CreateKernel("fill");
        groupSize = configuration["WG_SIZE"];
        items = configuration["ITEMS"];
        if (groupSize > kernel.MaxWorkGroupSize)
        {
            reasons.Add($"work-group size {groupSize} exceeds the {kernel.MaxWorkGroupSize} {Device.Name} allows for this kernel.");
            return;
        }

        this.settings = settings;
    }

    protected override void Run(InitializationOutput output, NoPayloads input)
    {
        var data = output.Data;
        var layout = OpenClLayout.Of(data.Descriptor);
        var k = kernel!;
        k.Set(0, Buffer(data)).Set(1, layout);
        var type = data.Physical.Type;
        if (type == DataType.Float64)
        {
            k.Set(2, settings.Value);
        }
        else if (type == DataType.Complex32)
        {
            k.Set(2, new ComplexF((float)settings.Value, (float)settings.Imaginary));
        }
        else
        {
            k.Set(2, (float)settings.Value);
        }

        long perGroup = groupSize * items;
        long groups = (layout.X + perGroup - 1) / perGroup;
        Queue.Launch(k, new OpenClRange([groups * groupSize, layout.Rows], [groupSize, 1]));
    }

    protected override void Dispose(bool disposing)
    {
        kernel?.Dispose();
        kernel = null;
        base.Dispose(disposing);
    }
}
