using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Oompa.Tuning.Store;

/// <summary>The JSON shape of a store file.</summary>
internal sealed class StoreDocument
{
    public required int FormatVersion { get; set; }

    public List<StoreEntryDocument> Entries { get; set; } = [];
}

/// <summary>The JSON shape of one entry.</summary>
internal sealed class StoreEntryDocument
{
    public required string Device { get; set; }

    public required string Strategy { get; set; }

    public required string SourceHash { get; set; }

    public required string Group { get; set; }

    public required Dictionary<string, long> Configuration { get; set; }

    public required double BestSeconds { get; set; }

    public double? ReferenceSeconds { get; set; }

    public required int Evaluations { get; set; }

    public required string Searcher { get; set; }

    public required DateTimeOffset Timestamp { get; set; }

    public required string OompaVersion { get; set; }
}

/// <summary>Source-generated serialisation (no reflection, trimming- and AOT-safe).</summary>
[JsonSerializable(typeof(StoreDocument))]
internal sealed partial class StoreJsonContext : JsonSerializerContext
{
    /// <summary>The generated context with readable text: only what JSON requires is escaped (the file is never embedded in HTML).</summary>
    public static StoreJsonContext Readable { get; } = new(new JsonSerializerOptions
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    });
}
