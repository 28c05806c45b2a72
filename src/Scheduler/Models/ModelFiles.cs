using System.Text.Json;
using Oompa.Core.Configuration;
using Oompa.Core.IO;

namespace Oompa.Scheduler.Models;

/// <summary>Where model files live and how they are read and written (versioned JSON, atomic replace).</summary>
public static class ModelFiles
{
    /// <summary>The variable that overrides the host name models are filed under (StarPU's <c>STARPU_HOSTNAME</c>),
    /// so identical nodes of a cluster can share them.</summary>
    public const string HostVariable = "OOMPA_HOSTNAME";

    /// <summary>The format version written; files of a newer version are refused, never overwritten.</summary>
    public const int FormatVersion = 1;

    /// <summary>The host name models are filed under: <c>$OOMPA_HOSTNAME</c>, else the machine name.</summary>
    public static string HostName
    {
        get
        {
            string? own = Environment.GetEnvironmentVariable(HostVariable);
            return Sanitize(string.IsNullOrWhiteSpace(own) ? Environment.MachineName : own);
        }
    }

    /// <summary>The folder of model files: <c>scheduler</c> under the user cache folder.</summary>
    public static string DefaultDirectory => OompaPaths.CacheSubdirectory("scheduler");

    /// <summary>The performance-model file of <paramref name="host"/> (default: this host) in <paramref name="directory"/>.</summary>
    public static string PerformancePath(string? directory = null, string? host = null) =>
        Path.Combine(directory ?? DefaultDirectory, $"perfmodels.{Sanitize(host ?? HostName)}.json");

    /// <summary>The transfer-model file of <paramref name="host"/> (default: this host) in <paramref name="directory"/>.</summary>
    public static string TransferPath(string? directory = null, string? host = null) =>
        Path.Combine(directory ?? DefaultDirectory, $"transfers.{Sanitize(host ?? HostName)}.json");

    internal static T? Read<T>(string path, System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> info)
        where T : class
    {
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(path);
        }
        catch (FileNotFoundException)
        {
            return null;
        }
        catch (DirectoryNotFoundException)
        {
            return null;
        }

        try
        {
            using var json = JsonDocument.Parse(bytes);
            if (json.RootElement.ValueKind != JsonValueKind.Object
                || !json.RootElement.TryGetProperty("formatVersion", out var version)
                || !version.TryGetInt32(out int v) || v < 1)
            {
                throw Corrupt(path, "it has no positive integer 'formatVersion'", null);
            }

            if (v > FormatVersion)
            {
                throw new InvalidDataException(
                    $"Model file '{path}' has format version {v}; this Oompa reads versions up to {FormatVersion}. " +
                    "It was written by a newer Oompa: upgrade, or point OOMPA_CACHE_DIR elsewhere. The file was left untouched.");
            }

            return json.RootElement.Deserialize(info) ?? throw Corrupt(path, "it holds null", null);
        }
        catch (JsonException e)
        {
            throw Corrupt(path, e.Message, e);
        }
    }

    internal static void Write<T>(string path, T document, System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> info)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        using var file = new AtomicFileWriter(path);
        JsonSerializer.Serialize(file.Stream, document, info);
        file.Commit();
    }

    private static InvalidDataException Corrupt(string path, string why, Exception? inner) =>
        new($"Model file '{path}' is corrupt ({why}). It was left untouched; delete it to recalibrate.", inner);

    private static string Sanitize(string name)
    {
        var chars = name.Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' ? c : '_').ToArray();
        return chars.Length == 0 ? "host" : new string(chars);
    }
}
