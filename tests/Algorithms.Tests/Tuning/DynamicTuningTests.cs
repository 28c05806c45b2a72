using Oompa.Algorithms.Tests.Support;
using Oompa.Core.Data;
using Oompa.Core.Devices.OpenCl;
using Oompa.Tuning;
using Oompa.Tuning.Dynamic;
using Oompa.Tuning.Groups;
using Oompa.Tuning.Store;

namespace Oompa.Algorithms.Tests.Tuning;

/// <summary>
/// Dynamic tuning through the OpenCL strategy base, on a test kernel that reads its output (data += scale · addend) and
/// whose BROKEN configurations compute the wrong thing. The strategy follows the template and never mentions tuning.
/// </summary>
public sealed class DynamicTuningTests : IDisposable
{
    private readonly TuningFixture fixture = new();

    public void Dispose() => fixture.Dispose();

    [Fact]
    public void Tuning_an_accumulating_kernel_leaves_the_users_output_identical_to_an_untuned_run()
    {
        var size = new Size(37, 5, 1, 2);
        var padding = new Padding(1, 2, 0, 1, 0, 0);
        using var tunedData = TuningFixture.Host(size, 1, padding);
        using var plainData = TuningFixture.Host(size, 1, padding);
        using var addend = TuningFixture.Host(size, 2);
        var tuner = fixture.Tuner("tune:6");
        OpenClAccumulate? strategy = null;
        using var tuned = TuningFixture.OpenCl(tuner, s => strategy = s);
        using var plain = TuningFixture.OpenCl(fixture.Tuner("off"));
        var settings = new AccumulateSettings(0.5f);
        tuned.Init(new AccumulateOutput(tunedData.Payload), new AccumulateInput(addend.Payload), settings).ThrowIfFailed();
        plain.Init(new AccumulateOutput(plainData.Payload), new AccumulateInput(addend.Payload), settings).ThrowIfFailed();

        for (int i = 0; i < 9; i++)
        {
            tuned.Execute(new AccumulateOutput(tunedData.Payload), new AccumulateInput(addend.Payload));
            plain.Execute(new AccumulateOutput(plainData.Payload), new AccumulateInput(addend.Payload));
            Assert.Equal(plainData.GetLogical<float>(), tunedData.GetLogical<float>());
        }

        var session = strategy!.Tuning!.Session!;
        Assert.Equal(GroupRole.Leader, strategy.Tuning.Role);
        Assert.True(session.IsFinished);
        Assert.Equal(6, session.Steps);
        Assert.Equal(Accumulate.Kernel.Name, session.Key.Strategy);
        tunedData.AssertGuardsIntact();
        tunedData.AssertPaddingUntouched();
        Assert.All(session.Records.Where(r => r.Configuration["BROKEN"] == 1), r => Assert.Equal(TuningStatus.ValidationFailed, r.Measurement.Status));
        Assert.All(session.Records.Where(r => r.Configuration["BROKEN"] == 0), r => Assert.True(r.Measurement.IsSuccess, r.Measurement.ToString()));
        Assert.Equal(0, session.Best["BROKEN"]);
        Assert.Equal(0, Assert.Single(new TuningStore(fixture.Store).Entries).Configuration["BROKEN"]);
    }

    [Fact]
    public void An_in_place_request_on_device_memory_tunes_on_copies_and_matches_an_untuned_run()
    {
        var device = OpenClTestDevice.Device;
        var size = new Size(40, 6);
        using var host = TuningFixture.Host(size, 3);
        using var tunedData = device.Allocate(new LogicalDescriptor(size), DataType.Float32, "tuned");
        using var plainData = device.Allocate(new LogicalDescriptor(size), DataType.Float32, "plain");
        device.Upload(host.Payload, tunedData.Payload, blocking: true);
        device.Upload(host.Payload, plainData.Payload, blocking: true);
        var tuner = fixture.Tuner("tune:6");
        using var tuned = TuningFixture.OpenCl(tuner);
        using var plain = TuningFixture.OpenCl(fixture.Tuner("off"));
        var settings = new AccumulateSettings(1);
        var tunedRequest = (new AccumulateOutput(tunedData.Payload), new AccumulateInput(tunedData.Payload));
        var plainRequest = (new AccumulateOutput(plainData.Payload), new AccumulateInput(plainData.Payload));
        tuned.Init(tunedRequest.Item1, tunedRequest.Item2, settings).ThrowIfFailed();
        plain.Init(plainRequest.Item1, plainRequest.Item2, settings).ThrowIfFailed();

        TuningFixture.ExecuteUntil(tuned, tunedRequest.Item1, tunedRequest.Item2, () => tuner.Sessions is [{ IsFinished: true }]);
        for (int i = 0; i < tuner.Steps; i++)
        {
            plain.Execute(plainRequest.Item1, plainRequest.Item2);
        }

        Assert.Equal(Read(plainData.Payload, host), Read(tunedData.Payload, host));
        Assert.Equal(6, tuner.Steps);
    }

    [Fact]
    public void A_second_run_of_the_same_workload_loads_the_stored_best_and_takes_no_steps()
    {
        using var data = TuningFixture.Host(new Size(64, 4), 4);
        using var addend = TuningFixture.Host(new Size(64, 4), 5);
        var output = new AccumulateOutput(data.Payload);
        var input = new AccumulateInput(addend.Payload);
        var first = fixture.Tuner("tune:6");
        using (var algorithm = TuningFixture.OpenCl(first))
        {
            algorithm.Init(output, input, new AccumulateSettings(1)).ThrowIfFailed();
            TuningFixture.ExecuteUntil(algorithm, output, input, () => first.Sessions is [{ IsFinished: true }]);
        }

        var best = Assert.Single(first.Sessions).Best;
        var second = fixture.Tuner("tune:6");
        OpenClAccumulate? strategy = null;
        using var again = TuningFixture.OpenCl(second, s => strategy = s);
        again.Init(output, input, new AccumulateSettings(1)).ThrowIfFailed();
        for (int i = 0; i < 3; i++)
        {
            again.Execute(output, input);
        }

        Assert.Equal(0, second.Steps);
        Assert.Empty(second.Sessions);
        Assert.Equal(GroupRole.Stored, strategy!.Tuning!.Role);
        Assert.Equal(best, strategy.Configuration ?? Accumulate.Kernel.Default);
    }

    [Fact]
    public void Similar_members_never_tune_and_a_new_shape_starts_from_the_nearest_stored_group()
    {
        var tuner = fixture.Tuner("tune:6");
        using var leaderData = TuningFixture.Host(new Size(48, 3, 1, 4), 6);
        using var memberData = TuningFixture.Host(new Size(48, 3, 1, 2), 7);
        OpenClAccumulate? member = null;
        using var leader = TuningFixture.OpenCl(tuner);
        using var follower = TuningFixture.OpenCl(tuner, s => member = s);
        var leaderRequest = (new AccumulateOutput(leaderData.Payload), new AccumulateInput(leaderData.Payload));
        var memberRequest = (new AccumulateOutput(memberData.Payload), new AccumulateInput(memberData.Payload));
        leader.Init(leaderRequest.Item1, leaderRequest.Item2, new AccumulateSettings(1)).ThrowIfFailed();
        follower.Init(memberRequest.Item1, memberRequest.Item2, new AccumulateSettings(1)).ThrowIfFailed();

        Assert.Equal(GroupRole.Similar, member!.Tuning!.Role);
        while (tuner.Sessions is not [{ IsFinished: true }])
        {
            follower.Execute(memberRequest.Item1, memberRequest.Item2);
            leader.Execute(leaderRequest.Item1, leaderRequest.Item2);
        }

        follower.Execute(memberRequest.Item1, memberRequest.Item2);
        Assert.Equal(0, member.Tuning.Steps);
        Assert.Equal(tuner.Sessions[0].Best, member.Configuration ?? Accumulate.Kernel.Default);

        using var otherData = TuningFixture.Host(new Size(48, 5, 1, 4), 8);
        OpenClAccumulate? other = null;
        using var third = TuningFixture.OpenCl(fixture.Tuner("tune:2"), s => other = s);
        third.Init(new AccumulateOutput(otherData.Payload), new AccumulateInput(otherData.Payload), new AccumulateSettings(1)).ThrowIfFailed();
        var session = other!.Tuning!.Session!;
        Assert.Equal(GroupRole.Leader, other.Tuning.Role);
        Assert.Equal(tuner.Sessions[0].Key, session.StartedFrom);
        Assert.Equal(tuner.Sessions[0].Best, session.Start ?? Accumulate.Kernel.Default);
    }

    [Fact]
    public async Task Candidates_are_timed_under_the_devices_lock()
    {
        var device = OpenClTestDevice.Device;
        using var data = TuningFixture.Host(new Size(32, 2), 9);
        var tuner = fixture.Tuner("tune:6");
        using var algorithm = TuningFixture.OpenCl(tuner);
        var output = new AccumulateOutput(data.Payload);
        var input = new AccumulateInput(data.Payload);
        algorithm.Init(output, input, new AccumulateSettings(1)).ThrowIfFailed();
        algorithm.Execute(output, input);
        Assert.Equal(1, tuner.Steps);

        var held = DeviceLocks.Acquire(device.Identity);
        Task execute;
        try
        {
            execute = Task.Run(() => algorithm.Execute(output, input));
            await Task.Delay(500);
            Assert.False(execute.IsCompleted, "a candidate ran while another timer held the device");
            Assert.Equal(1, tuner.Steps);
        }
        finally
        {
            held.Dispose();
        }

        await execute;
        Assert.Equal(2, tuner.Steps);
    }

    private static float[] Read(Payload<LogicalDescriptor> device, GuardedPayload<LogicalDescriptor> host)
    {
        OpenClTestDevice.Device.Download(device, host.Payload);
        return host.GetLogical<float>();
    }
}
