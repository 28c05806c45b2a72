namespace Oompa.Scheduler.Tests.Support.OpenCl;

/// <summary>A fact that needs an OpenCL device (pocl in CI); skipped, with discovery's reason, when there is none.</summary>
public sealed class OpenClFactAttribute : FactAttribute
{
    public OpenClFactAttribute()
    {
        Skip = OpenClTestDevice.UnavailableReason;
    }
}
