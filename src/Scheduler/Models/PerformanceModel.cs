using System.Globalization;

namespace Oompa.Scheduler.Models;

/// <summary>
/// History-based performance models keyed by (codelet, implementation, worker architecture, footprint): robust median
/// and spread with outlier rejection, a minimum sample count before a prediction is trusted, and an a·n^b regression
/// for sizes without history. Thread-safe. Persisted per host as versioned JSON (see <see cref="ModelFiles"/>).
/// </summary>
public sealed class PerformanceModel
{
    private readonly Lock gate = new();
    private readonly Dictionary<(string Codelet, string Implementation, string Architecture), ArchitectureModel> models = [];

    /// <summary>Creates an empty model.</summary>
    public PerformanceModel(ModelOptions? options = null)
    {
        Options = (options ?? ModelOptions.Default).Validate();
    }

    /// <summary>How the model learns.</summary>
    public ModelOptions Options { get; }

    /// <summary>
    /// Predicted seconds of a task, or NaN when the history has fewer than <see cref="ModelOptions.MinimumSamples"/>
    /// samples and the regression does not cover <paramref name="size"/>.
    /// </summary>
    public double Predict(string codelet, string implementation, string architecture, ulong footprint, long size) =>
        For(codelet, implementation, architecture).Predict(footprint, size);

    /// <summary>Records a measurement; false when it was rejected as an outlier.</summary>
    public bool Record(string codelet, string implementation, string architecture, ulong footprint, long size, double seconds) =>
        For(codelet, implementation, architecture).Record(footprint, size, seconds);

    /// <summary>The regression of a (codelet, implementation, architecture), or null while fewer than two sizes are trusted.</summary>
    public PowerLaw? Regression(string codelet, string implementation, string architecture) =>
        For(codelet, implementation, architecture).Regression();

    /// <summary>A snapshot of every history entry, sorted by key.</summary>
    public IReadOnlyList<PerformanceModelEntry> Entries
    {
        get
        {
            lock (gate)
            {
                return [.. models.Values
                    .SelectMany(m => m.Entries.Select(e => new PerformanceModelEntry(
                        m.Codelet, m.Implementation, m.Architecture, e.Key, e.Value.Size, [.. e.Value.Samples],
                        e.Value.Median, e.Value.Spread, e.Value.Trusted, e.Value.Total, e.Value.Rejected)))
                    .OrderBy(e => e.Codelet, StringComparer.Ordinal)
                    .ThenBy(e => e.Implementation, StringComparer.Ordinal)
                    .ThenBy(e => e.Architecture, StringComparer.Ordinal)
                    .ThenBy(e => e.Footprint)];
            }
        }
    }

    /// <summary>Reads a model file; a missing file gives an empty model.</summary>
    /// <exception cref="InvalidDataException">The file is corrupt or from a newer format.</exception>
    public static PerformanceModel Load(string path, ModelOptions? options = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var model = new PerformanceModel(options);
        var document = ModelFiles.Read(path, ModelJsonContext.Readable.PerformanceModelDocument);
        foreach (var d in document?.Entries ?? [])
        {
            if (!ulong.TryParse(d.Footprint, NumberStyles.HexNumber, CultureInfo.InvariantCulture, out ulong footprint))
            {
                throw new InvalidDataException($"Model file '{path}' is corrupt (footprint '{d.Footprint}' is not hexadecimal). Delete it to recalibrate.");
            }

            var arch = model.For(d.Codelet, d.Implementation, d.Architecture);
            arch.Entry(footprint, d.Size).Restore(d.Samples ?? [], d.Total, d.Rejected);
            arch.MarkStale();
        }

        return model;
    }

    /// <summary>Writes every entry to <paramref name="path"/> atomically (readers see the old or the new file).</summary>
    public void Save(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var document = new PerformanceModelDocument
        {
            FormatVersion = ModelFiles.FormatVersion,
            Host = ModelFiles.HostName,
            Entries = [.. Entries.Select(e => new HistoryDocument
            {
                Codelet = e.Codelet,
                Implementation = e.Implementation,
                Architecture = e.Architecture,
                Footprint = e.Footprint.ToString("x16", CultureInfo.InvariantCulture),
                Size = e.Size,
                Samples = [.. e.Samples],
                Total = e.Total,
                Rejected = e.Rejected,
            })],
        };
        ModelFiles.Write(path, document, ModelJsonContext.Readable.PerformanceModelDocument);
    }

    internal ArchitectureModel For(string codelet, string implementation, string architecture)
    {
        lock (gate)
        {
            var key = (codelet, implementation, architecture);
            if (!models.TryGetValue(key, out var model))
            {
                model = new ArchitectureModel(codelet, implementation, architecture, Options, gate);
                models.Add(key, model);
            }

            return model;
        }
    }
}
