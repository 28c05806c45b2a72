namespace Oompa.Algorithms.Common.OpenCl;

/// <summary>The naming every algorithm's OpenCL strategies share.</summary>
public static class OpenClStrategies
{
    /// <summary>Name of an algorithm's OpenCL kernel strategy.</summary>
    public const string Kernels = "OpenCl.Kernels";
}
