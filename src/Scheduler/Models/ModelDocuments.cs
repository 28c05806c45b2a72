using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Oompa.Scheduler.Models;

/// <summary>The JSON shape of a performance-model file.</summary>
internal sealed class PerformanceModelDocument
{
    public required int FormatVersion { get; set; }

    public string? Host { get; set; }

    public List<HistoryDocument> Entries { get; set; } = [];
}

/// <summary>The JSON shape of one history entry.</summary>
internal sealed class HistoryDocument
{
    public required string Codelet { get; set; }

    public required string Implementation { get; set; }

    public required string Architecture { get; set; }

    public required string Footprint { get; set; }

    public required long Size { get; set; }

    public required List<double> Samples { get; set; }

    public long Total { get; set; }

    public long Rejected { get; set; }
}

/// <summary>The JSON shape of a transfer-model file.</summary>
internal sealed class TransferModelDocument
{
    public required int FormatVersion { get; set; }

    public string? Host { get; set; }

    public List<LinkDocument> Links { get; set; } = [];
}

/// <summary>The JSON shape of one calibrated link.</summary>
internal sealed class LinkDocument
{
    public required string From { get; set; }

    public required string To { get; set; }

    public required double LatencySeconds { get; set; }

    public required double BytesPerSecond { get; set; }
}

/// <summary>Source-generated serialisation of the model files.</summary>
[JsonSerializable(typeof(PerformanceModelDocument))]
[JsonSerializable(typeof(TransferModelDocument))]
internal sealed partial class ModelJsonContext : JsonSerializerContext
{
    /// <summary>Readable, camel-case, indented.</summary>
    public static ModelJsonContext Readable { get; } = new(new JsonSerializerOptions
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
    });
}
