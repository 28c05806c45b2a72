using System.Text.Json;
using Oompa.Scheduler.Data;
using Oompa.Scheduler.Simulation;
using Oompa.Scheduler.Tasks;
using Oompa.Scheduler.Tests.Runtime;
using Oompa.Scheduler.Tests.Support;

namespace Oompa.Scheduler.Tests.Tracing;

public class TraceTests
{
    [Fact]
    public async Task The_chrome_trace_has_a_row_per_worker_and_times_in_the_args()
    {
        using var arrays = new HostArrays();
        var data = arrays.Add(64, "volume");
        var device = new FakeDeviceNode(0);
        await using var runtime = new TaskRuntime(CoherencyTests.Options(device) with { Trace = true, Models = TestRuntimes.QuickModels });
        var h = runtime.Register(data.Payload);
        var step = TestRuntimes.Both("step", c => { Kernels.Doubles(c, 0)[0] += 1; Thread.SpinWait(500); });
        for (int i = 0; i < 12; i++)
        {
            runtime.Submit(step, new DataAccess(h, AccessMode.ReadWrite));
        }

        await runtime.SynchronizeWithinTimeoutAsync();
        using var json = JsonDocument.Parse(runtime.Trace!.ToChromeTrace());
        var events = json.RootElement.GetProperty("traceEvents").EnumerateArray().ToList();
        var rows = events.Where(e => e.GetProperty("ph").GetString() == "M" && e.GetProperty("name").GetString() == "thread_name" && e.GetProperty("pid").GetInt32() == 1)
            .Select(e => e.GetProperty("args").GetProperty("name").GetString()).ToList();
        Assert.Equal(["cpu0", "fake0"], rows);
        var tasks = events.Where(e => e.GetProperty("ph").GetString() == "X" && e.GetProperty("cat").GetString() == "task").ToList();
        Assert.Equal(12, tasks.Count);
        Assert.All(tasks, t =>
        {
            Assert.Equal("step", t.GetProperty("name").GetString());
            Assert.True(t.GetProperty("args").GetProperty("measured_us").GetDouble() >= 0);
            Assert.True(t.GetProperty("dur").GetDouble() >= 0);
        });
        Assert.Contains(tasks, t => t.GetProperty("args").TryGetProperty("predicted_us", out _));
        Assert.Contains(events, e => e.GetProperty("ph").GetString() == "X" && e.GetProperty("cat").GetString() == "transfer");
    }

    [Fact]
    public async Task A_trace_file_gets_the_chrome_trace_and_the_summary_when_the_runtime_is_disposed()
    {
        string folder = Path.Combine(Path.GetTempPath(), $"oompa-trace-{Guid.NewGuid():N}");
        string file = Path.Combine(folder, "sub", "run.json");
        try
        {
            using var arrays = new HostArrays();
            var data = arrays.Add(8, "x");
            await using (var runtime = new TaskRuntime(TestRuntimes.Options("dmda", 2) with { TraceFile = file }))
            {
                Assert.NotNull(runtime.Trace);
                var h = runtime.Register(data.Payload);
                var step = TestRuntimes.Cpu("step", c => Kernels.Doubles(c, 0)[0] += 1);
                for (int i = 0; i < 5; i++)
                {
                    runtime.Submit(step, new DataAccess(h, AccessMode.ReadWrite));
                }

                await runtime.SynchronizeWithinTimeoutAsync();
                Assert.False(File.Exists(file), "written before the runtime was disposed");
            }

            using var json = JsonDocument.Parse(File.ReadAllText(file));
            Assert.Equal(5, json.RootElement.GetProperty("traceEvents").EnumerateArray()
                .Count(e => e.GetProperty("ph").GetString() == "X" && e.GetProperty("cat").GetString() == "task"));
            string summary = File.ReadAllText(file + ".txt");
            Assert.Contains("5 tasks", summary, StringComparison.Ordinal);
            Assert.Contains("cpu0", summary, StringComparison.Ordinal);
            Assert.Equal(["run.json", "run.json.txt"], Directory.GetFiles(Path.GetDirectoryName(file)!).Select(Path.GetFileName).Order());
        }
        finally
        {
            if (Directory.Exists(folder))
            {
                Directory.Delete(folder, recursive: true);
            }
        }
    }

    [Fact]
    public async Task The_dot_graph_has_every_task_and_dependency()
    {
        using var arrays = new HostArrays();
        var a = arrays.Add(4, "a");
        var b = arrays.Add(4, "b");
        await using var runtime = new TaskRuntime(TestRuntimes.Options("dmda", 2, trace: true));
        var ha = runtime.Register(a.Payload);
        var hb = runtime.Register(b.Payload);
        var noop = TestRuntimes.Cpu("noop", _ => { });
        var write = runtime.Submit(noop, [new DataAccess(ha, AccessMode.Write)], new TaskOptions { Name = "write \"a\"" });
        var read = runtime.Submit(noop, new DataAccess(ha, AccessMode.Read), new DataAccess(hb, AccessMode.Write));
        var last = runtime.Submit(noop, new DataAccess(hb, AccessMode.ReadWrite));
        await runtime.SynchronizeWithinTimeoutAsync();
        string dot = runtime.Trace!.ToDot();
        Assert.StartsWith("digraph tasks {", dot, StringComparison.Ordinal);
        Assert.Contains($"t{write.Id} -> t{read.Id};", dot, StringComparison.Ordinal);
        Assert.Contains($"t{read.Id} -> t{last.Id};", dot, StringComparison.Ordinal);
        Assert.Contains("write \\\"a\\\"", dot, StringComparison.Ordinal);
        Assert.Equal(2, runtime.Trace.Edges.Count);
    }

    [Fact]
    public async Task The_summary_reports_busy_time_bytes_per_link_and_model_error()
    {
        using var arrays = new HostArrays();
        var data = arrays.Add(128, "x");
        var device = new FakeDeviceNode(0);
        await using var runtime = new TaskRuntime(CoherencyTests.Options(device) with { Models = TestRuntimes.QuickModels });
        var h = runtime.Register(data.Payload);
        var work = TestRuntimes.Both("work", c => Thread.SpinWait(200));
        for (int i = 0; i < 30; i++)
        {
            runtime.Submit(work, new DataAccess(h, AccessMode.ReadWrite));
        }

        await runtime.SynchronizeWithinTimeoutAsync();
        var summary = runtime.Summary();
        Assert.Equal(30, summary.TasksCompleted);
        Assert.Equal(30, summary.Workers.Sum(w => w.Tasks));
        Assert.All(summary.Workers, w => Assert.InRange(w.BusyFraction, 0, 1));
        Assert.All(summary.Links, l => Assert.Equal(l.Copies * 128 * sizeof(double), l.Bytes));
        Assert.True(summary.PredictedTasks > 0);
        Assert.True(summary.MeanRelativeError >= 0);
        Assert.Contains("cpu0", summary.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Simulations_trace_the_same_way_when_asked()
    {
        Assert.Null(SimulationScenarios.RandomDag(1, 30, 6, cpus: 2, gpus: 1, "dmda").Run().Trace);
        var traced = new Simulator(new SimulationOptions { Workers = [SimulatedWorker.Cpu("c", (_, _, _) => 1)], Trace = true });
        traced.Submit(new Codelet("k", TaskImplementation.Simulated("cpu", Core.Devices.DeviceKind.Cpu)), []);
        var trace = traced.Run().Trace!;
        Assert.Single(trace.Tasks);
        Assert.Contains("\"tid\":0", trace.ToChromeTrace(), StringComparison.Ordinal);
    }
}
