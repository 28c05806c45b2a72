namespace Oompa.Tuning;

/// <summary>How the evaluation of one candidate configuration ended.</summary>
public enum TuningStatus
{
    /// <summary>The candidate ran and its output matched the reference; its time counts.</summary>
    Succeeded,

    /// <summary>The candidate ran but its output differed from the reference.</summary>
    ValidationFailed,

    /// <summary>The candidate crashed or reported an error while running.</summary>
    ComputationFailed,

    /// <summary>The kernel source did not compile with the candidate's defines.</summary>
    CompilationFailed,

    /// <summary>The candidate needs more of a device resource (work-group size, local memory) than the device has.</summary>
    DeviceLimitsExceeded,
}
