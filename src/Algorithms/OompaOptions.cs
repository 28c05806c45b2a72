namespace Oompa.Algorithms;

/// <summary>Options for <see cref="OompaServiceCollectionExtensions.AddOompa"/>.</summary>
public sealed class OompaOptions
{
    /// <summary>Threads multi-threaded CPU strategies may use; null means every core.</summary>
    public int? CpuThreads { get; set; }
}
