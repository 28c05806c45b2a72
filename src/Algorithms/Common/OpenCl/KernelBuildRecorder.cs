namespace Oompa.Algorithms.Common.OpenCl;

/// <summary>
/// Notes which kernel definitions a strategy builds while it accepts a request on this thread, so a strategy that does
/// not name its tuned kernel (<c>TunedKernel</c>) is still tunable when it builds exactly one definition.
/// </summary>
internal sealed class KernelBuildRecorder : IDisposable
{
    [ThreadStatic]
    private static KernelBuildRecorder? current;

    private readonly KernelBuildRecorder? previous;
    private readonly List<OpenClKernelDefinition> built = [];

    private KernelBuildRecorder()
    {
        previous = current;
        current = this;
    }

    /// <summary>The distinct definitions built since <see cref="Start"/>, in order.</summary>
    public IReadOnlyList<OpenClKernelDefinition> Built => built;

    /// <summary>Starts recording on this thread until disposal.</summary>
    public static KernelBuildRecorder Start() => new();

    /// <summary>Called by <see cref="OpenClKernelDefinition.Build"/>.</summary>
    public static void Record(OpenClKernelDefinition definition)
    {
        if (current is { } recorder && !recorder.built.Contains(definition))
        {
            recorder.built.Add(definition);
        }
    }

    /// <summary>Stops recording.</summary>
    public void Dispose() => current = previous;
}
