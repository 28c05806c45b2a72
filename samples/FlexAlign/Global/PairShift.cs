namespace Oompa.Samples.FlexAlign.Global;

/// <summary>A measured relative shift: position of frame <paramref name="Second"/> minus position of frame
/// <paramref name="First"/> (0-based, First &lt; Second), in original pixels.</summary>
/// <param name="First">The earlier frame.</param>
/// <param name="Second">The later frame.</param>
/// <param name="Shift">The measured drift from First to Second.</param>
public sealed record PairShift(int First, int Second, FrameShift Shift);
