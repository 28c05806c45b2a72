using Oompa.Core.Data;

namespace Oompa.Algorithms.Common;

/// <summary>Request checks shared by algorithms that work on Fourier coefficients.</summary>
internal static class SpectrumChecks
{
    /// <summary>
    /// Adds a problem when <paramref name="payload"/> is not Complex32 data in the frequency domain, or (unless
    /// <paramref name="allowFullSpectrum"/>) stores the full spectrum.
    /// </summary>
    public static void RequireComplexSpectrum(
        string member, Payload<FourierDescriptor> payload, string algorithm, bool allowFullSpectrum, ICollection<string> problems)
    {
        if (payload.Physical.Type != DataType.Complex32)
        {
            problems.Add($"{member}: Physical.Type is {payload.Physical.Type}; {algorithm} needs Complex32.");
        }

        if (payload.Descriptor.Domain != FourierDomain.Frequency)
        {
            problems.Add($"{member}: Domain is {payload.Descriptor.Domain}; {algorithm} needs Frequency-domain data.");
        }

        if (!allowFullSpectrum && payload.Descriptor.IsFullSpectrum)
        {
            problems.Add($"{member}: State has FullSpectrum; {algorithm} works on the Hermitian half (X/2 + 1 columns).");
        }
    }

    /// <summary>Adds a problem for every axis longer than one with an odd length (centring needs even lengths).</summary>
    public static void RequireEvenForCentering(string member, Size spatial, ICollection<string> problems)
    {
        string[] names = ["X", "Y", "Z"];
        for (int axis = 0; axis < 3; axis++)
        {
            int length = spatial[axis];
            if (length > 1 && (length & 1) == 1)
            {
                problems.Add($"settings: Center needs even spatial sizes, but {member} has SpatialSize.{names[axis]} = {length} (odd); (−1)^k only moves the origin to the middle of an even axis.");
            }
        }
    }
}
