namespace Oompa.Samples.FlexAlign.Output;

/// <summary>The files <see cref="AlignmentOutputs.Write"/> wrote.</summary>
/// <param name="Sum">The aligned sum, <c>&lt;movie&gt;.mrc</c>.</param>
/// <param name="Star">RELION 3.1 motion-correction metadata, <c>&lt;movie&gt;.star</c>.</param>
/// <param name="Json">Everything as JSON, <c>&lt;movie&gt;.json</c>.</param>
/// <param name="Svg">The drift trajectory plot, <c>&lt;movie&gt;.svg</c>.</param>
public sealed record AlignmentOutputPaths(string Sum, string Star, string Json, string Svg)
{
    /// <summary>The four paths in writing order.</summary>
    public IReadOnlyList<string> All => [Sum, Star, Json, Svg];
}
