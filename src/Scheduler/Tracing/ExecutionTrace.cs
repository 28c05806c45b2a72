using System.Text;
using System.Text.Json;
using Oompa.Scheduler.Tasks;

namespace Oompa.Scheduler.Tracing;

/// <summary>
/// What happened, for people: tasks per worker with predicted and measured times, transfers per link, and the task
/// graph. Export with <see cref="WriteChromeTrace"/> (open in Perfetto or chrome://tracing) and <see cref="ToDot"/>
/// (Graphviz). Thread-safe.
/// </summary>
public sealed class ExecutionTrace
{
    private readonly Lock gate = new();
    private readonly List<TaskSpan> tasks = [];
    private readonly List<TransferSpan> transfers = [];
    private readonly List<TaskEdge> edges = [];
    private readonly List<(long Id, string Name)> submitted = [];

    internal ExecutionTrace(IReadOnlyList<string> workers, IReadOnlyList<string> nodes)
    {
        WorkerNames = workers;
        NodeNames = nodes;
    }

    /// <summary>Worker names by index (one row each).</summary>
    public IReadOnlyList<string> WorkerNames { get; }

    /// <summary>Memory node names by index (0 is the host).</summary>
    public IReadOnlyList<string> NodeNames { get; }

    /// <summary>Tasks that ran or ended, in completion order.</summary>
    public IReadOnlyList<TaskSpan> Tasks
    {
        get
        {
            lock (gate)
            {
                return [.. tasks];
            }
        }
    }

    /// <summary>Copies between nodes, in completion order.</summary>
    public IReadOnlyList<TransferSpan> Transfers
    {
        get
        {
            lock (gate)
            {
                return [.. transfers];
            }
        }
    }

    /// <summary>Dependency edges of the task graph.</summary>
    public IReadOnlyList<TaskEdge> Edges
    {
        get
        {
            lock (gate)
            {
                return [.. edges];
            }
        }
    }

    /// <summary>Writes Chrome trace-event JSON: one row per worker, one per link, times in microseconds.</summary>
    public void WriteChromeTrace(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        using var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = false });
        json.WriteStartObject();
        json.WriteString("displayTimeUnit", "ms");
        json.WriteStartArray("traceEvents");
        Metadata(json, 1, null, "process_name", "workers");
        Metadata(json, 2, null, "process_name", "transfers");
        for (int w = 0; w < WorkerNames.Count; w++)
        {
            Metadata(json, 1, w, "thread_name", WorkerNames[w]);
        }

        int nodes = NodeNames.Count;
        for (int f = 0; f < nodes; f++)
        {
            for (int t = 0; t < nodes; t++)
            {
                if (f != t)
                {
                    Metadata(json, 2, (f * nodes) + t, "thread_name", $"{NodeNames[f]} -> {NodeNames[t]}");
                }
            }
        }

        foreach (var span in Tasks)
        {
            Span(json, span.Name, "task", 1, span.Worker, span.StartSeconds, span.EndSeconds);
            json.WriteStartObject("args");
            json.WriteNumber("id", span.Id);
            json.WriteString("implementation", span.Implementation);
            json.WriteString("status", span.Status.ToString());
            json.WriteNumber("measured_us", span.Seconds * 1e6);
            if (double.IsFinite(span.PredictedSeconds))
            {
                json.WriteNumber("predicted_us", span.PredictedSeconds * 1e6);
            }

            json.WriteEndObject();
            json.WriteEndObject();
        }

        foreach (var copy in Transfers)
        {
            Span(json, copy.Handle, "transfer", 2, (copy.From * nodes) + copy.To, copy.StartSeconds, copy.EndSeconds);
            json.WriteStartObject("args");
            json.WriteNumber("bytes", copy.Bytes);
            json.WriteEndObject();
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }

    /// <summary>The Chrome trace as a string.</summary>
    public string ToChromeTrace()
    {
        using var stream = new MemoryStream();
        WriteChromeTrace(stream);
        return Encoding.UTF8.GetString(stream.ToArray());
    }

    /// <summary>The task graph in Graphviz DOT: one node per task (name, id, worker), one edge per dependency.</summary>
    public string ToDot()
    {
        Dictionary<long, TaskSpan> ran;
        List<(long Id, string Name)> nodes;
        List<TaskEdge> arrows;
        lock (gate)
        {
            ran = tasks.GroupBy(t => t.Id).ToDictionary(g => g.Key, g => g.Last());
            nodes = [.. submitted];
            arrows = [.. edges];
        }

        var text = new StringBuilder();
        text.AppendLine("digraph tasks {");
        text.AppendLine("  node [shape=box, fontsize=10];");
        foreach (var (id, name) in nodes)
        {
            string where = ran.TryGetValue(id, out var span) ? "\\n" + Escape(WorkerNames[span.Worker]) : string.Empty;
            text.AppendLine(System.Globalization.CultureInfo.InvariantCulture, $"  t{id} [label=\"{Escape(name)}\\n#{id}{where}\"];");
        }

        foreach (var e in arrows)
        {
            text.AppendLine(System.Globalization.CultureInfo.InvariantCulture, $"  t{e.From} -> t{e.To};");
        }

        text.AppendLine("}");
        return text.ToString();
    }

    internal void Submitted(ScheduledTask task)
    {
        lock (gate)
        {
            submitted.Add((task.Id, task.Name));
        }
    }

    internal void Edge(long from, long to)
    {
        lock (gate)
        {
            edges.Add(new TaskEdge(from, to));
        }
    }

    internal void Ran(TaskSpan span)
    {
        lock (gate)
        {
            tasks.Add(span);
        }
    }

    internal void Moved(TransferSpan span)
    {
        lock (gate)
        {
            transfers.Add(span);
        }
    }

    private static string Escape(string text) => text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal);

    private static void Metadata(Utf8JsonWriter json, int pid, int? tid, string name, string value)
    {
        json.WriteStartObject();
        json.WriteString("name", name);
        json.WriteString("ph", "M");
        json.WriteNumber("pid", pid);
        if (tid is { } t)
        {
            json.WriteNumber("tid", t);
        }

        json.WriteStartObject("args");
        json.WriteString("name", value);
        json.WriteEndObject();
        json.WriteEndObject();
    }

    private static void Span(Utf8JsonWriter json, string name, string category, int pid, int tid, double start, double end)
    {
        json.WriteStartObject();
        json.WriteString("name", name);
        json.WriteString("cat", category);
        json.WriteString("ph", "X");
        json.WriteNumber("ts", start * 1e6);
        json.WriteNumber("dur", Math.Max(0, end - start) * 1e6);
        json.WriteNumber("pid", pid);
        json.WriteNumber("tid", tid);
    }
}
