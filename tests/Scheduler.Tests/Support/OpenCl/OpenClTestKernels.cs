using Oompa.Core.Devices.OpenCl;
using Oompa.Scheduler.Data;
using Oompa.Scheduler.Tasks;

namespace Oompa.Scheduler.Tests.Support.OpenCl;

/// <summary>
/// Tiny OpenCL kernels over arrays of doubles for tests, run by implementations on an OpenCL worker: the random
/// program's step (one work-item, the same exact integer arithmetic as <see cref="RandomProgram.Step.Apply"/>), add,
/// fill, accumulate, and a blocking read for checks. Kernel objects are shared, so calls are serialised.
/// </summary>
public sealed class OpenClTestKernels : IDisposable
{
    private const string Source = """
        #pragma OPENCL EXTENSION cl_khr_fp64 : enable
        #define MODULUS 1000003.0

        // modes: 2 bits per use, 0 read, 1 write, 2 read-write (the order of RandomProgram.Step.Uses)
        __kernel void program_step(__global double* a0, __global double* a1, __global double* a2, __global double* scratch,
                           const int count, const int modes, const int use_scratch, const int length, const double id)
        {
            if (get_global_id(0) != 0) return;
            __global double* arrays[3] = { a0, a1, a2 };
            double sum = id;
            if (use_scratch)
            {
                for (int i = 0; i < length; i++) scratch[i] = id;
                for (int i = 0; i < length; i++) if (scratch[i] != id) sum = NAN;
            }

            for (int u = 0; u < count; u++)
            {
                if (((modes >> (2 * u)) & 3) != 1)
                {
                    for (int i = 0; i < length; i++) sum = fmod(sum + arrays[u][i], MODULUS);
                }
            }

            for (int u = 0; u < count; u++)
            {
                int mode = (modes >> (2 * u)) & 3;
                __global double* x = arrays[u];
                for (int i = 0; i < length; i++)
                {
                    if (mode == 1) x[i] = fmod(sum * 31 + (double)(i * 7) + id, MODULUS);
                    else if (mode == 2) x[i] = fmod(x[i] * 3 + sum + (double)i, MODULUS);
                }
            }
        }

        __kernel void add(__global double* x, const double amount, const int length)
        {
            int i = get_global_id(0);
            if (i < length) x[i] += amount;
        }

        __kernel void fill(__global double* x, const double value, const int length)
        {
            int i = get_global_id(0);
            if (i < length) x[i] = value;
        }

        // x[i] += value * (i + 1): the contribution of one reduction task
        __kernel void accumulate(__global double* x, const double value, const int length)
        {
            int i = get_global_id(0);
            if (i < length) x[i] += value * (double)(i + 1);
        }
        """;

    private readonly Lock gate = new();
    private readonly OpenClDevice device;
    private readonly OpenClKernel step;
    private readonly OpenClKernel add;
    private readonly OpenClKernel fill;
    private readonly OpenClKernel accumulate;

    public OpenClTestKernels(OpenClDevice device)
    {
        this.device = device;
        var program = device.Programs.Get(new OpenClKernelSource("scheduler_tests.cl", Source));
        step = program.CreateKernel("program_step");
        add = program.CreateKernel("add");
        fill = program.CreateKernel("fill");
        accumulate = program.CreateKernel("accumulate");
    }

    /// <summary>A random program's step on the task's buffers (scratch, when used, is the last access).</summary>
    internal void Step(RandomProgram.Step s, TaskContext context)
    {
        lock (gate)
        {
            int modes = 0;
            for (int u = 0; u < s.Uses.Count; u++)
            {
                modes |= s.Uses[u].Mode switch { AccessMode.Write => 1, AccessMode.ReadWrite => 2, _ => 0 } << (2 * u);
            }

            var first = Buffer(context, 0);
            for (int u = 0; u < 3; u++)
            {
                step.Set(u, u < s.Uses.Count ? Buffer(context, u) : first);
            }

            step.Set(3, s.Scratch ? Buffer(context, s.Uses.Count) : first)
                .Set(4, s.Uses.Count).Set(5, modes).Set(6, s.Scratch ? 1 : 0).Set(7, Length(context, 0)).Set(8, (double)s.Id);
            device.ComputeQueue.Launch(step, OpenClRange.Linear(1, 1));
        }
    }

    public void Add(TaskContext context, int index, double amount) => Elementwise(add, context, index, amount);

    public void Fill(TaskContext context, int index, double value) => Elementwise(fill, context, index, value);

    public void Accumulate(TaskContext context, int index, double value) => Elementwise(accumulate, context, index, value);

    /// <summary>The task's data of access <paramref name="index"/>, read back to the host after the kernels queued so far.</summary>
    public unsafe double[] Read(TaskContext context, int index)
    {
        var values = new double[Length(context, index)];
        fixed (double* p = values)
        {
            device.ComputeQueue.Read(Buffer(context, index), 0, (nint)p, values.Length * sizeof(double), blocking: true);
        }

        return values;
    }

    public void Dispose()
    {
        step.Dispose();
        add.Dispose();
        fill.Dispose();
        accumulate.Dispose();
    }

    private void Elementwise(OpenClKernel kernel, TaskContext context, int index, double value)
    {
        lock (gate)
        {
            int length = Length(context, index);
            kernel.Set(0, Buffer(context, index)).Set(1, value).Set(2, length);
            device.ComputeQueue.Launch(kernel, OpenClRange.Linear(length, 64));
        }
    }

    private OpenClBuffer Buffer(TaskContext context, int index)
    {
        var payload = context.Payload(index);
        Assert.Equal(device.MemoryNode, payload.Physical.Node);
        Assert.Equal(0, payload.Physical.Pointer);
        return OpenClBuffer.Of(payload);
    }

    private static int Length(TaskContext context, int index) => checked((int)(context.Handle(index).Bytes / sizeof(double)));
}
