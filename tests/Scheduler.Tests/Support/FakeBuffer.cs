namespace Oompa.Scheduler.Tests.Support;

/// <summary>The handle of fake device memory: host bytes the host code must not see as host memory.</summary>
public sealed record FakeBuffer(nint Address, long Bytes)
{
    public unsafe Span<T> Span<T>()
        where T : unmanaged => new((void*)Address, checked((int)(Bytes / sizeof(T))));
}
