using Oompa.Algorithms.Common;
using Oompa.Core.Data;
using Oompa.Core.Devices;

namespace Oompa.Algorithms.Initialization.Cpu;

/// <summary>Fills rows with <see cref="Span{T}.Fill"/> (vectorised by the runtime), in parallel over rows when allowed.</summary>
internal sealed class CpuInitialization(string name, CpuDevice device, bool multiThreaded)
    : CpuStrategy<InitializationOutput, NoPayloads, InitializationSettings>(name, device, multiThreaded)
{
    private InitializationSettings settings = InitializationSettings.Zero;

    public override void Execute(InitializationOutput output, NoPayloads input)
    {
        var data = output.Data;
        var type = data.Physical.Type;
        if (type == DataType.Float32)
        {
            Fill(data, (float)settings.Value);
        }
        else if (type == DataType.Float64)
        {
            Fill(data, settings.Value);
        }
        else
        {
            Fill(data, new ComplexF((float)settings.Value, (float)settings.Imaginary));
        }
    }

    protected override void Accept(InitializationOutput output, NoPayloads input, InitializationSettings settings, List<string> reasons) =>
        this.settings = settings;

    private unsafe void Fill<T>(Payload<LogicalDescriptor> data, T value)
        where T : unmanaged
    {
        var layout = data.Descriptor;
        T* basePtr = (T*)data.Physical.Pointer;
        int width = layout.Size.X;
        if (!layout.IsPadded && layout.ElementCount <= int.MaxValue && Threads == 1)
        {
            new Span<T>(basePtr, (int)layout.ElementCount).Fill(value);
            return;
        }

        nint p = (nint)basePtr;
        Parallel.For(0L, layout.RowCount, ParallelOptions, row =>
            new Span<T>((T*)p + layout.RowStart(row), width).Fill(value));
    }
}
