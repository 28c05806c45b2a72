using Oompa.Algorithms.Fft;
using Oompa.Algorithms.Fft.ClFft;
using Oompa.Algorithms.Fft.Fftw;
using Oompa.Algorithms.Tests.Support;
using Oompa.Core.Algorithms;
using Oompa.Core.Data;
using Oompa.Core.Native;
using Xunit.Abstractions;
using static Oompa.Algorithms.Tests.Fft.FftTestKit;

namespace Oompa.Algorithms.Tests.Fft;

/// <summary>The clFFT binding and what is particular to the OpenCL strategy: declines, plan cache, status names.</summary>
[Collection(ClFftCollection.Name)]
public sealed class ClFftTests(ITestOutputHelper output)
{
    private static StrategyFactory<FourierTransformOutput, FourierTransformInput, FourierTransformSettings> Strategy =>
        FourierTransformStrategies.OpenCl(OpenClTestDevice.Device).Single();

    [Fact]
    public void The_library_is_registered_under_its_soname_and_package_and_reports_its_version()
    {
        var library = Assert.Single(NativeLibraries.Registered, l => l.Name == "clFFT");
        Assert.Same(ClFft.Library, library);
        Assert.Equal(["libclFFT.so.2"], library.SoNames);
        Assert.Equal("libclfft2", library.Package);
        Assert.True(ClFft.IsAvailable);
        Assert.Matches(@"^2\.\d+\.\d+$", ClFft.Version);
        Assert.Equal(FourierTransformStrategies.OpenClClFft, Strategy.Name);
    }

    [Theory]
    [InlineData(0, "CLFFT_SUCCESS")]
    [InlineData(-5, "CLFFT_OUT_OF_RESOURCES")]
    [InlineData(-30, "CLFFT_INVALID_VALUE")]
    [InlineData(-63, "CLFFT_INVALID_GLOBAL_WORK_SIZE")]
    [InlineData(-15, "CL_COMPILE_PROGRAM_FAILURE")]
    [InlineData(4096, "CLFFT_BUGCHECK")]
    [InlineData(4097, "CLFFT_NOTIMPLEMENTED")]
    [InlineData(4102, "CLFFT_INVALID_PLAN")]
    [InlineData(4104, "CLFFT_DEVICE_MISMATCH")]
    [InlineData(4200, "CLFFT_UNKNOWN_STATUS(4200)")]
    [InlineData(-9999, "CL_UNKNOWN_ERROR(-9999)")]
    public void Statuses_have_clfft_names(int status, string name) => Assert.Equal(name, ClFftError.Name(status));

    [Fact]
    public void A_failing_call_names_the_library_the_call_and_the_status()
    {
        ClFftError.ThrowIfFailed(ClFftError.Success, "clfftBakePlan");
        var error = Assert.Throws<NativeCallException>(() => ClFftError.ThrowIfFailed(4102, "clfftBakePlan (RealToComplex 8 x1 out-of-place)"));
        Assert.Equal("clFFT", error.LibraryName);
        Assert.Equal("CLFFT_INVALID_PLAN", error.StatusName);
        Assert.Equal(4102, error.Status);
        Assert.Contains("clfftBakePlan (RealToComplex 8 x1 out-of-place) failed with CLFFT_INVALID_PLAN (4102)", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(1, true)]
    [InlineData(2, true)]
    [InlineData(11 * 13 * 7 * 5 * 3 * 2, true)]
    [InlineData(4096, true)]
    [InlineData(17, false)]
    [InlineData(2 * 19, false)]
    [InlineData(23 * 23, false)]
    public void Supported_lengths_have_prime_factors_up_to_13(int length, bool supported) =>
        Assert.Equal(supported, ClFft.IsSupportedLength(length));

    [Theory]
    [InlineData(17, 4, 1, "SpatialSize.X is 17", "prime factor 17")]
    [InlineData(8, 38, 1, "SpatialSize.Y is 38", "prime factor 19")]
    [InlineData(8, 1, 23, "SpatialSize.Z is 23", "prime factor 23")]
    public void Declines_lengths_clfft_cannot_transform_naming_the_axis_and_length(int x, int y, int z, string field, string factor)
    {
        var spatial = FourierDescriptor.ForSpatial(new Size(x, y, z, 2));
        var settings = Settings(FourierDirection.Forward);
        var frequency = FourierTransform.OutputDescriptor(spatial, settings);
        using var fft = new FourierTransform([Strategy]);
        var result = fft.Init(
            new FourierTransformOutput(Payload<FourierDescriptor>.Describe(frequency, DataType.Complex32)),
            new FourierTransformInput(Payload<FourierDescriptor>.Describe(spatial, DataType.Float32)),
            settings);
        Assert.False(result.Success);
        var decision = Assert.Single(result.Decisions);
        var reason = Assert.Single(decision.Reasons);
        Assert.Contains("input member 'Data'", reason, StringComparison.Ordinal);
        Assert.Contains(field, reason, StringComparison.Ordinal);
        Assert.Contains(factor, reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Equal_requests_share_one_baked_plan_and_released_plans_stay_cached_until_trimmed()
    {
        var device = OpenClTestDevice.Device;
        var spatial = FourierDescriptor.ForSpatial(new Size(12, 1, 1, 3));
        var settings = Settings(FourierDirection.Forward);
        var frequency = FourierTransform.OutputDescriptor(spatial, settings);
        var o = new FourierTransformOutput(Payload<FourierDescriptor>.Describe(frequency, DataType.Complex32));
        var i = new FourierTransformInput(Payload<FourierDescriptor>.Describe(spatial, DataType.Float32));
        var cache = ClFftPlanCache.For(device);
        Assert.Same(cache, ClFftPlanCache.For(device));

        using (var first = new FourierTransform([Strategy]))
        {
            first.Init(o, i, settings).ThrowIfFailed();
        }

        long baked = ClFftPlanCache.PlansBaked;
        using (var second = new FourierTransform([Strategy]))
        {
            second.Init(o, i, settings).ThrowIfFailed();
            Assert.Equal(baked, ClFftPlanCache.PlansBaked);
        }

        // A private cache: leases share one plan; releasing keeps it idle; trimming destroys it.
        var own = new ClFftPlanCache(device, idleCapacity: 4);
        var key = new ClFftPlanKey(FftwKind.RealToComplex, 1, 12, 1, 1, 3, false, 0, 0, 12, 0, 0, 7, 1f);
        var a = own.Acquire(key);
        using (var b = own.Acquire(key))
        {
            Assert.Same(a.Plan, b.Plan);
        }

        var plan = a.Plan;
        a.Dispose();
        a.Dispose();
        Assert.Equal(1, own.Count);
        Assert.False(plan.IsDisposed);
        own.TrimIdle();
        Assert.Equal(0, own.Count);
        Assert.True(plan.IsDisposed);
    }

    [Fact]
    public void Device_payloads_transform_on_the_device_and_match_fftw()
    {
        var device = OpenClTestDevice.Device;
        var size = new Size(60, 48, 1, 3);
        var data = Gens.Floats(5, size.Total);
        var forward = Settings(FourierDirection.Forward);
        var inverse = Settings(FourierDirection.Inverse, normalize: true);
        var spatial = FourierDescriptor.ForInPlace(size);
        var frequency = FourierTransform.OutputDescriptor(spatial, forward);

        // Reference: FFTW on the host.
        using var image = new GuardedPayload<FourierDescriptor>(spatial, DataType.Float32, "image");
        using var reference = new GuardedPayload<FourierDescriptor>(frequency, DataType.Complex32, "reference");
        image.SetLogical<float>(data);
        Run(FourierTransformStrategies.Cpu(new Core.Devices.CpuDevice(1)).Single(f => f.Name == FourierTransformStrategies.CpuSingleThreaded), reference.Payload, image.Payload, forward);

        // clFFT, in place in one device buffer, forward then normalised inverse.
        using var buffer = device.Allocate(spatial, DataType.Float32, "buffer");
        device.Upload(image.Payload, buffer.Payload, blocking: true);
        var asSpectrum = buffer.Payload.WithDescriptor(frequency, DataType.Complex32);
        using var spectrum = new GuardedPayload<FourierDescriptor>(frequency, DataType.Complex32, "spectrum");
        Run(Strategy, asSpectrum, buffer.Payload, forward);
        device.Download(asSpectrum, spectrum.Payload);
        double error = MaxRelativeError(reference.GetLogical<ComplexF>(), spectrum.GetLogical<ComplexF>());
        output.WriteLine($"clFFT vs FFTW, real-to-complex {size}: max |error| / max |X| = {error:G3}");
        Tolerance.AssertClose(reference.GetLogical<ComplexF>(), spectrum.GetLogical<ComplexF>(), 1e-5, what: "clFFT spectrum vs FFTW");

        Run(Strategy, buffer.Payload, asSpectrum, inverse);
        using var back = new GuardedPayload<FourierDescriptor>(spatial, DataType.Float32, "back");
        device.Download(buffer.Payload, back.Payload);
        Tolerance.AssertClose(data, back.GetLogical<float>(), 1e-5, what: "normalised round trip on the device");
    }

    private static void Run(
        StrategyFactory<FourierTransformOutput, FourierTransformInput, FourierTransformSettings> strategy,
        Payload<FourierDescriptor> output,
        Payload<FourierDescriptor> input,
        FourierTransformSettings settings)
    {
        using var fft = new FourierTransform([strategy]);
        var o = new FourierTransformOutput(output);
        var i = new FourierTransformInput(input);
        fft.Init(o, i, settings).ThrowIfFailed();
        fft.Execute(o, i);
        fft.Synchronize();
    }

    private static double MaxRelativeError(ReadOnlySpan<ComplexF> expected, ReadOnlySpan<ComplexF> actual)
    {
        double scale = 0;
        double worst = 0;
        for (int k = 0; k < expected.Length; k++)
        {
            scale = Math.Max(scale, Math.Sqrt(expected[k].MagnitudeSquared));
            worst = Math.Max(worst, Math.Sqrt((actual[k] - expected[k]).MagnitudeSquared));
        }

        return worst / scale;
    }
}
