namespace Oompa.Core.Devices.OpenCl;

/// <summary>
/// Live OpenCL objects of one device by kind. Every native object is counted when created and uncounted when released,
/// so tests can prove that strategies release what they acquire.
/// </summary>
public sealed class OpenClObjectCounters
{
    private readonly long[] live = new long[Enum.GetValues<OpenClObjectKind>().Length];

    /// <summary>Objects of <paramref name="kind"/> created and not yet released.</summary>
    public long Live(OpenClObjectKind kind) => Interlocked.Read(ref live[(int)kind]);

    internal void Created(OpenClObjectKind kind) => Interlocked.Increment(ref live[(int)kind]);

    internal void Released(OpenClObjectKind kind) => Interlocked.Decrement(ref live[(int)kind]);

    /// <summary>Formats every count, for example <c>Buffer=2 Program=1 ...</c>.</summary>
    public override string ToString() =>
        string.Join(' ', Enum.GetValues<OpenClObjectKind>().Select(k => $"{k}={Live(k)}"));
}
