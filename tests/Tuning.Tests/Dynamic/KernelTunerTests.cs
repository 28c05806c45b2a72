using Oompa.Tuning.Dynamic;
using Oompa.Tuning.Groups;
using Oompa.Tuning.Searchers;
using Oompa.Tuning.StopConditions;
using Oompa.Tuning.Store;
using Oompa.Tuning.Tests.Support;

namespace Oompa.Tuning.Tests.Dynamic;

public class KernelTunerTests
{
    [Fact]
    public void Tune_runs_the_budget_then_stores_the_best_validated_configuration()
    {
        using var dir = new TempDirectory();
        var tuner = FakeKernel.Tuner(dir.Path, "tune:12");
        using var lease = tuner.Join(FakeKernel.Request());

        Assert.Equal(GroupRole.Leader, lease.Role);
        Assert.Equal(FakeKernel.Space.Default, lease.Configuration);
        FakeKernel.RunUntilTuned(lease);

        var session = Assert.Single(tuner.Sessions);
        Assert.True(session.IsFinished);
        Assert.Equal(12, session.Steps);
        Assert.Equal(12, tuner.Steps);
        Assert.Equal(12, lease.Steps);
        Assert.Equal(FakeKernel.Space.Default, session.Records[0].Configuration);
        var best = session.Records.Where(r => r.Measurement.IsSuccess).MinBy(r => r.Measurement.Seconds)!;
        Assert.Equal(best.Configuration, lease.Configuration);
        Assert.Null(lease.NextCandidate());

        var stored = Assert.Single(new TuningStore(dir.Path).Entries);
        Assert.Equal(lease.Key, stored.Key);
        Assert.Equal(best.Configuration, stored.Configuration);
        Assert.Equal(best.Measurement.Seconds, stored.BestSeconds);
        Assert.Equal(session.Records[0].Measurement.Seconds, stored.ReferenceSeconds);
        Assert.Equal(12, stored.Evaluations);
    }

    [Fact]
    public void A_second_run_of_the_same_workload_loads_the_stored_best_and_takes_no_steps()
    {
        using var dir = new TempDirectory();
        var first = FakeKernel.Tuner(dir.Path, "tune:10");
        using (var lease = first.Join(FakeKernel.Request()))
        {
            FakeKernel.RunUntilTuned(lease);
        }

        var best = Assert.Single(first.Sessions).Best;
        var second = FakeKernel.Tuner(dir.Path, "tune:10");
        using var again = second.Join(FakeKernel.Request());
        for (int i = 0; i < 5; i++)
        {
            Assert.Null(FakeKernel.Execute(again));
        }

        Assert.Equal(GroupRole.Stored, again.Role);
        Assert.False(again.IsTuning);
        Assert.Equal(best, again.Configuration);
        Assert.Equal(0, second.Steps);
        Assert.Empty(second.Sessions);
    }

    [Fact]
    public void Use_stored_never_tunes_and_off_ignores_the_store()
    {
        using var dir = new TempDirectory();
        var tuned = FakeKernel.Space.At(FakeKernel.Space.NextValidIndex(7));
        new TuningStore(dir.Path).Save(FakeKernel.Entry(FakeKernel.Signature(), tuned));

        using var stored = FakeKernel.Tuner(dir.Path, "use-stored").Join(FakeKernel.Request());
        Assert.Equal((GroupRole.Stored, tuned), (stored.Role, stored.Configuration));

        var useStored = FakeKernel.Tuner(dir.Path, "use-stored");
        using var unknown = useStored.Join(FakeKernel.Request(FakeKernel.Signature(x: 100)));
        Assert.Equal((GroupRole.Default, FakeKernel.Space.Default), (unknown.Role, unknown.Configuration));
        Assert.Null(FakeKernel.Execute(unknown));

        var off = FakeKernel.Tuner(dir.Path, "off");
        using var ignored = off.Join(FakeKernel.Request());
        Assert.Equal((GroupRole.Default, FakeKernel.Space.Default), (ignored.Role, ignored.Configuration));
        Assert.Null(off.Store);
    }

    [Fact]
    public void Retune_tunes_a_stored_group_again_and_replaces_its_entry()
    {
        using var dir = new TempDirectory();
        new TuningStore(dir.Path).Save(FakeKernel.Entry(FakeKernel.Signature(), FakeKernel.Space.Default, seconds: 1e-9));
        var tuner = FakeKernel.Tuner(dir.Path, "retune:6");
        using var lease = tuner.Join(FakeKernel.Request());

        Assert.Equal(GroupRole.Leader, lease.Role);
        FakeKernel.RunUntilTuned(lease);

        var entry = Assert.Single(new TuningStore(dir.Path).Entries);
        Assert.Equal(6, entry.Evaluations);
        Assert.True(entry.BestSeconds > 1e-6, "retuning replaces even a faster stored entry");
    }

    [Fact]
    public void Equal_members_share_one_session_and_merge_their_measurements()
    {
        using var dir = new TempDirectory();
        var tuner = FakeKernel.Tuner(dir.Path, "tune:9");
        using var leader = tuner.Join(FakeKernel.Request());
        using var member = tuner.Join(FakeKernel.Request());

        Assert.Equal(GroupRole.Equal, member.Role);
        Assert.Same(leader.Session, member.Session);

        var held = leader.NextCandidate();
        Assert.NotNull(held);
        Assert.Null(member.NextCandidate());
        leader.Report(held, TuningMeasurement.Success(Landscape.Seconds(held)));

        while (leader.IsTuning)
        {
            FakeKernel.Execute(member);
            FakeKernel.Execute(leader);
        }

        Assert.Equal(9, leader.Session!.Steps);
        Assert.Equal(9, leader.Steps + member.Steps);
        Assert.True(member.Steps >= 4);
        Assert.Equal(leader.Configuration, member.Configuration);
    }

    [Fact]
    public void Similar_members_never_tune_and_follow_the_leaders_best()
    {
        using var dir = new TempDirectory();
        var tuner = FakeKernel.Tuner(dir.Path, "tune:10");
        using var leader = tuner.Join(FakeKernel.Request(FakeKernel.Signature(n: 8)));
        using var batch = tuner.Join(FakeKernel.Request(FakeKernel.Signature(n: 3)));
        var explicitRequest = FakeKernel.Request(FakeKernel.Signature(x: 4096)) with { Relation = GroupRelation.Similar, Leader = FakeKernel.Signature(n: 8) };
        using var named = tuner.Join(explicitRequest);

        Assert.Equal(GroupRole.Similar, batch.Role);
        Assert.Equal(GroupRole.Similar, named.Role);
        Assert.Equal(leader.Key, batch.Source);
        while (leader.IsTuning)
        {
            Assert.Null(FakeKernel.Execute(batch));
            Assert.Null(FakeKernel.Execute(named));
            FakeKernel.Execute(leader);
            Assert.Equal(leader.Configuration, batch.Configuration);
        }

        Assert.Equal(0, batch.Steps + named.Steps);
        Assert.Equal(10, tuner.Steps);
        Assert.Single(tuner.Sessions);
        Assert.Equal(leader.Configuration, named.Configuration);
        Assert.Single(new TuningStore(dir.Path).Entries);
    }

    [Fact]
    public void A_stored_group_that_differs_only_in_batch_is_followed_without_tuning()
    {
        using var dir = new TempDirectory();
        var tuned = FakeKernel.Space.At(FakeKernel.Space.NextValidIndex(11));
        new TuningStore(dir.Path).Save(FakeKernel.Entry(FakeKernel.Signature(n: 20), tuned));
        var tuner = FakeKernel.Tuner(dir.Path, "tune:5");

        using var similar = tuner.Join(FakeKernel.Request(FakeKernel.Signature(n: 7)));
        Assert.Equal((GroupRole.Similar, tuned, false), (similar.Role, similar.Configuration, similar.IsTuning));

        using var forcedEqual = tuner.Join(FakeKernel.Request(FakeKernel.Signature(n: 7)) with { Relation = GroupRelation.Equal });
        Assert.Equal(GroupRole.Leader, forcedEqual.Role);
    }

    [Fact]
    public void A_new_group_starts_from_the_nearest_stored_group()
    {
        using var dir = new TempDirectory();
        var store = new TuningStore(dir.Path);
        var near = FakeKernel.Space.At(FakeKernel.Space.NextValidIndex(100));
        var far = FakeKernel.Space.At(FakeKernel.Space.NextValidIndex(900));
        store.Save(FakeKernel.Entry(FakeKernel.Signature(y: 96), near));
        store.Save(FakeKernel.Entry(FakeKernel.Signature(y: 1024), far));
        store.Save(FakeKernel.Entry(FakeKernel.Signature(y: 128, type: "Float64"), far));

        var tuner = FakeKernel.Tuner(dir.Path, "tune:4");
        using var lease = tuner.Join(FakeKernel.Request(FakeKernel.Signature(y: 128)));
        Assert.Equal(GroupRole.Leader, lease.Role);
        Assert.Equal(near, lease.Session!.Start);
        Assert.Equal(FakeKernel.Signature(y: 96).Text, lease.Session.StartedFrom!.Group);

        FakeKernel.RunUntilTuned(lease);
        var records = lease.Session.Records;
        Assert.Equal(near, records[0].Configuration);
        Assert.Equal(FakeKernel.Space.Default, records[1].Configuration);
        Assert.Equal(records[1].Measurement.Seconds, lease.Session.ReferenceSeconds);
    }

    [Fact]
    public void Candidates_that_fail_validation_never_become_best()
    {
        using var dir = new TempDirectory();
        var options = new KernelTunerOptions
        {
            Mode = TuningModeSetting.Parse("tune"),
            StoreDirectory = dir.Path,
            CreateSearcher = () => new RandomSearcher(),
            CreateStop = _ => Stop.AfterCount(150),
        };
        var tuner = new KernelTuner(options);
        using var lease = tuner.Join(FakeKernel.Request());
        FakeKernel.RunUntilTuned(lease);

        var records = lease.Session!.Records;
        Assert.Contains(records, r => FakeKernel.IsBroken(r.Configuration) && r.Measurement.Status == TuningStatus.ValidationFailed);
        Assert.False(FakeKernel.IsBroken(lease.Configuration));
        Assert.False(FakeKernel.IsBroken(Assert.Single(new TuningStore(dir.Path).Entries).Configuration));
    }

    [Fact]
    public void A_lease_disposed_with_a_candidate_out_reports_it_failed_and_the_session_goes_on()
    {
        using var dir = new TempDirectory();
        var tuner = FakeKernel.Tuner(dir.Path, "tune:3");
        var first = tuner.Join(FakeKernel.Request());
        using var second = tuner.Join(FakeKernel.Request());
        Assert.NotNull(first.NextCandidate());
        first.Dispose();

        Assert.Equal(TuningStatus.ComputationFailed, Assert.Single(second.Session!.Records).Measurement.Status);
        FakeKernel.RunUntilTuned(second);
        Assert.True(second.Session.IsFinished);
    }

    [Fact]
    public void A_session_whose_strategies_all_leave_before_it_ends_is_discarded_and_stores_nothing()
    {
        using var dir = new TempDirectory();
        var tuner = FakeKernel.Tuner(dir.Path, "tune:8");
        using (var lease = tuner.Join(FakeKernel.Request()))
        {
            FakeKernel.Execute(lease);
            FakeKernel.Execute(lease);
        }

        Assert.Empty(tuner.Sessions);
        Assert.False(File.Exists(Path.Combine(dir.Path, TuningStore.FileName)));
        using var again = tuner.Join(FakeKernel.Request());
        Assert.Equal(GroupRole.Leader, again.Role);
        Assert.Equal(0, again.Session!.Steps);
    }

    [Fact]
    public void A_corrupt_store_is_reported_and_tuning_runs_without_it()
    {
        using var dir = new TempDirectory();
        File.WriteAllText(Path.Combine(dir.Path, TuningStore.FileName), "{ not json");
        var tuner = FakeKernel.Tuner(dir.Path, "tune:2");
        using var lease = tuner.Join(FakeKernel.Request());

        Assert.Null(tuner.Store);
        Assert.Contains("corrupt", tuner.StoreProblem, StringComparison.Ordinal);
        FakeKernel.RunUntilTuned(lease);
        Assert.NotNull(lease.Session!.SaveProblem);
        Assert.Equal("{ not json", File.ReadAllText(Path.Combine(dir.Path, TuningStore.FileName)));
    }

    [Fact]
    public void Use_scopes_the_current_tuner_and_the_environment_configures_the_mode()
    {
        using var dir = new TempDirectory();
        var tuner = FakeKernel.Tuner(dir.Path, "off");
        using (KernelTuner.Use(tuner))
        {
            Assert.Same(tuner, KernelTuner.Current);
        }

        Assert.NotSame(tuner, KernelTuner.Current);
        Assert.Equal("tune:7", KernelTunerOptions.FromEnvironment(v => v == "OOMPA_TUNING" ? "Tune:7" : null).Mode.ToString());
        Assert.Equal(TuningMode.UseStored, KernelTunerOptions.FromEnvironment(_ => null).Mode.Mode);
        Assert.Equal(KernelTunerOptions.DefaultBudget, new KernelTunerOptions { Mode = TuningModeSetting.Parse("tune") }.Budget);
        var e = Assert.Throws<FormatException>(() => KernelTunerOptions.FromEnvironment(_ => "fast"));
        Assert.Contains("OOMPA_TUNING", e.Message, StringComparison.Ordinal);
    }
}
