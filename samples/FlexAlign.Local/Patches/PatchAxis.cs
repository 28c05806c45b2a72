namespace Oompa.Samples.FlexAlign.Local;

/// <summary>
/// Patch positions along one axis: <see cref="Count"/> patches of <see cref="PatchSize"/> pixels in a frame of
/// <see cref="FrameSize"/> pixels; the first starts at 0, the last ends at the frame edge (origin FrameSize − PatchSize),
/// the others are evenly spaced between them (origin_i = round(i·(FrameSize − PatchSize)/(Count − 1)), halves up), so
/// neighbours overlap when Count·PatchSize &gt; FrameSize. A single patch is centred (origin ⌊(FrameSize − PatchSize)/2⌋).
/// </summary>
public sealed class PatchAxis
{
    private readonly int[] _origins;

    /// <summary>Lays out <paramref name="count"/> patches along one axis.</summary>
    /// <param name="frameSize">Frame extent in pixels (≥ 1).</param>
    /// <param name="patchSize">Patch extent in pixels, 1 … frameSize.</param>
    /// <param name="count">Number of patches, 1 … frameSize − patchSize + 1 (distinct integer origins).</param>
    /// <param name="axis">Axis name for error messages ("x" or "y").</param>
    /// <exception cref="ArgumentException">Invalid sizes or count; the message names the axis and values.</exception>
    public PatchAxis(int frameSize, int patchSize, int count, string axis = "x")
    {
        if (frameSize < 1)
        {
            throw new ArgumentException($"frame size along {axis} is {frameSize}; it must be ≥ 1.", nameof(frameSize));
        }

        if (patchSize < 1 || patchSize > frameSize)
        {
            throw new ArgumentException($"patch size along {axis} is {patchSize}; it must be 1 … frame size {frameSize}.", nameof(patchSize));
        }

        var positions = frameSize - patchSize + 1;
        if (count < 1 || count > positions)
        {
            throw new ArgumentException(
                $"{count} patches along {axis}: a {patchSize} px patch has {positions} distinct origins in a {frameSize} px frame; use 1 … {positions}.",
                nameof(count));
        }

        FrameSize = frameSize;
        PatchSize = patchSize;
        _origins = new int[count];
        var span = frameSize - patchSize;
        for (var i = 0; i < count; i++)
        {
            _origins[i] = count == 1 ? span / 2 : (int)Math.Floor((i * (double)span / (count - 1)) + 0.5);
        }
    }

    /// <summary>FlexAlign's default count ⌈frameSize/patchSize⌉ (frame and patch in the same unit, px or Å).</summary>
    /// <param name="frameSize">Frame extent (&gt; 0).</param>
    /// <param name="patchSize">Patch extent (&gt; 0).</param>
    /// <returns>The number of patches per axis, ≥ 1.</returns>
    public static int DefaultCount(double frameSize, double patchSize)
    {
        if (!(frameSize > 0) || !(patchSize > 0) || double.IsInfinity(frameSize) || double.IsInfinity(patchSize))
        {
            throw new ArgumentException($"frame size {frameSize} and patch size {patchSize} must be finite and > 0.");
        }

        return Math.Max(1, (int)Math.Ceiling((frameSize / patchSize) - 1e-9));
    }

    /// <summary>Frame extent in pixels.</summary>
    public int FrameSize { get; }

    /// <summary>Patch extent in pixels.</summary>
    public int PatchSize { get; }

    /// <summary>Number of patches.</summary>
    public int Count => _origins.Length;

    /// <summary>Integer origins (first pixel) of the patches, ascending.</summary>
    public IReadOnlyList<int> Origins => _origins;

    /// <summary>Origin of patch <paramref name="i"/>.</summary>
    /// <param name="i">Patch index along this axis.</param>
    /// <returns>The first pixel of the patch.</returns>
    public int Origin(int i) => _origins[i];

    /// <summary>Geometric centre of patch <paramref name="i"/> in pixel coordinates: origin + (PatchSize − 1)/2.</summary>
    /// <param name="i">Patch index along this axis.</param>
    /// <returns>The centre (x.5 for even patch sizes).</returns>
    public double Center(int i) => _origins[i] + ((PatchSize - 1) / 2.0);
}
