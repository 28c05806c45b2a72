namespace Oompa.Scheduler.Tests.Support.OpenCl;

/// <summary>A theory that needs an OpenCL device (pocl in CI); skipped, with discovery's reason, when there is none.</summary>
public sealed class OpenClTheoryAttribute : TheoryAttribute
{
    public OpenClTheoryAttribute()
    {
        Skip = OpenClTestDevice.UnavailableReason;
    }
}
