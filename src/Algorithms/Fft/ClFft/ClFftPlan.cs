using Oompa.Core.Devices.OpenCl;

namespace Oompa.Algorithms.Fft.ClFft;

/// <summary>
/// A baked clFFT plan for one device, owned by a <see cref="ClFftPlanCache"/>; disposing destroys it. It is a plain
/// disposable rather than a finalizable handle: clFFT plans refer to their device's context, and destroying one from a
/// finalizer after the context is gone would be unsafe, so an abandoned plan is leaked rather than destroyed late.
/// </summary>
internal sealed unsafe class ClFftPlan : IDisposable
{
    private nuint handle;

    private ClFftPlan(nuint handle, ClFftPlanKey key, OpenClDevice device)
    {
        this.handle = handle;
        Key = key;
        Device = device;
    }

    /// <summary>What the plan transforms.</summary>
    public ClFftPlanKey Key { get; }

    /// <summary>The device it was baked for.</summary>
    public OpenClDevice Device { get; }

    /// <summary>Whether the plan has been destroyed.</summary>
    public bool IsDisposed => handle == 0;

    /// <summary>Creates, configures and bakes the plan on the device's compute queue.</summary>
    /// <exception cref="Core.Native.NativeCallException">A clFFT call failed; the message names it and the status.</exception>
    public static ClFftPlan Create(OpenClDevice device, ClFftPlanKey key)
    {
        ArgumentNullException.ThrowIfNull(device);
        nuint* lengths = stackalloc nuint[3] { (nuint)key.Nx, (nuint)key.Ny, (nuint)key.Nz };
        nuint* inStrides = stackalloc nuint[3] { 1, (nuint)key.InRowStride, (nuint)key.InPlaneStride };
        nuint* outStrides = stackalloc nuint[3] { 1, (nuint)key.OutRowStride, (nuint)key.OutPlaneStride };
        string what = key.Describe();
        lock (ClFftRuntime.Gate)
        {
            nuint plan = 0;
            Check(ClFftNative.clfftCreateDefaultPlan(&plan, device.NativeContext, key.Rank, lengths), "clfftCreateDefaultPlan", what);
            try
            {
                Check(ClFftNative.clfftSetPlanPrecision(plan, ClFftNative.PrecisionSingle), "clfftSetPlanPrecision", what);
                Check(ClFftNative.clfftSetLayout(plan, key.InLayout, key.OutLayout), "clfftSetLayout", what);
                Check(ClFftNative.clfftSetResultLocation(plan, key.InPlace ? ClFftNative.InPlace : ClFftNative.OutOfPlace), "clfftSetResultLocation", what);
                Check(ClFftNative.clfftSetPlanBatchSize(plan, (nuint)key.Batch), "clfftSetPlanBatchSize", what);
                Check(ClFftNative.clfftSetPlanInStride(plan, key.Rank, inStrides), "clfftSetPlanInStride", what);
                Check(ClFftNative.clfftSetPlanOutStride(plan, key.Rank, outStrides), "clfftSetPlanOutStride", what);
                Check(ClFftNative.clfftSetPlanDistance(plan, (nuint)key.InDist, (nuint)key.OutDist), "clfftSetPlanDistance", what);

                // clFFT scales backward transforms by 1/N unless told otherwise; FFTW's convention is no scaling.
                Check(ClFftNative.clfftSetPlanScale(plan, ClFftNative.DirectionForward, key.Forward ? key.Scale : 1f), "clfftSetPlanScale", what);
                Check(ClFftNative.clfftSetPlanScale(plan, ClFftNative.DirectionBackward, key.Forward ? 1f : key.Scale), "clfftSetPlanScale", what);
                nint queue = device.ComputeQueue.NativeHandle;
                Check(ClFftNative.clfftBakePlan(plan, 1, &queue, 0, 0), "clfftBakePlan", what);
            }
            catch
            {
                _ = ClFftNative.clfftDestroyPlan(&plan);
                throw;
            }

            return new ClFftPlan(plan, key, device);
        }
    }

    /// <summary>
    /// Enqueues the transform on the device's compute queue. For in-place plans <paramref name="output"/> is ignored.
    /// </summary>
    public void Enqueue(OpenClBuffer input, OpenClBuffer output)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(output);
        nint queue = Device.ComputeQueue.NativeHandle;
        nint source = input.NativeHandle;
        nint destination = output.NativeHandle;
        lock (ClFftRuntime.Gate)
        {
            ObjectDisposedException.ThrowIf(handle == 0, this);
            int status = ClFftNative.clfftEnqueueTransform(
                handle, Key.Direction, 1, &queue, 0, null, null, &source, Key.InPlace ? null : &destination, 0);
            Check(status, "clfftEnqueueTransform", Key.Describe());
        }
    }

    /// <summary>Destroys the plan (unless clFFT has already been torn down at process exit).</summary>
    public void Dispose()
    {
        lock (ClFftRuntime.Gate)
        {
            if (handle != 0 && !ClFftRuntime.TornDown)
            {
                nuint h = handle;
                _ = ClFftNative.clfftDestroyPlan(&h);
            }

            handle = 0;
        }
    }

    private static void Check(int status, string call, string what) => ClFftError.ThrowIfFailed(status, $"{call} ({what})");
}
