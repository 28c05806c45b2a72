using Oompa.Core.Data;

namespace Oompa.Samples.FlexAlign.Phantom;

/// <summary>A generated movie and its ground truth.</summary>
public sealed class PhantomMovie
{
    internal PhantomMovie(PhantomSettings settings, float[] frames, FrameShift[] drifts)
    {
        Settings = settings;
        Frames = frames;
        Drifts = drifts;
    }

    /// <summary>The settings it was generated from (including the doming parameters, null when rigid).</summary>
    public PhantomSettings Settings { get; }

    /// <summary>Frame size: Width × Height × 1 × Frames.</summary>
    public Size Size => new(Settings.Width, Settings.Height, 1, Settings.Frames);

    /// <summary>The frames, X fastest, frame after frame.</summary>
    public float[] Frames { get; }

    /// <summary>The exact global drift of every frame (the scene in frame t is the scene moved by Drifts[t]).</summary>
    public IReadOnlyList<FrameShift> Drifts { get; }

    /// <summary>
    /// The true corrective shifts in RELION's convention: relative to the first frame and negated,
    /// <c>−(Drifts[t] − Drifts[0])</c>.
    /// </summary>
    public IReadOnlyList<FrameShift> CorrectiveShifts => [.. Drifts.Select(d => -(d - Drifts[0]))];

    /// <summary>The doming model, or null for rigid frames.</summary>
    public DomingParameters? Doming => Settings.Doming;
}
