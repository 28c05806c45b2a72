using Oompa.Algorithms.Common;
using Oompa.Core.Data;

namespace Oompa.Algorithms.Correlation;

/// <summary>The request checks of <see cref="Correlation"/>, shared by every backend.</summary>
internal static class CorrelationValidation
{
    private const string Name = nameof(Correlation);
    private const string D1 = "input member 'Data1'";
    private const string D2 = "input member 'Data2'";
    private const string Out = "output member 'Correlations'";

    public static void Validate(CorrelationOutput output, CorrelationInput input, CorrelationSettings settings, ICollection<string> problems)
    {
        var d1 = input.Data1.Descriptor;
        SpectrumChecks.RequireComplexSpectrum(D1, input.Data1, Name, allowFullSpectrum: true, problems);
        SpectrumChecks.RequireComplexSpectrum(Out, output.Correlations, Name, allowFullSpectrum: true, problems);
        if (d1.State.HasFlag(FourierState.Centered))
        {
            problems.Add($"{D1}: State has Centered; correlate uncentred spectra and set settings.Center instead.");
        }

        int n2 = ValidateSecond(input, settings, problems);
        if (settings.Mode == CorrelationMode.WithinBatch && d1.SpatialSize.N < 2)
        {
            problems.Add($"{D1}: SpatialSize.N is {d1.SpatialSize.N}; WithinBatch needs at least 2 images to form a pair.");
        }

        if (settings.Center)
        {
            SpectrumChecks.RequireEvenForCentering(D1, d1.SpatialSize, problems);
        }

        ValidateOutput(output.Correlations.Descriptor, d1, n2, settings, problems);
        foreach (string p in AliasingProblems(output, input))
        {
            problems.Add(p);
        }
    }

    /// <summary>The output must not overlap an input; checked at Init and again by strategies at every Execute.</summary>
    public static IEnumerable<string> AliasingProblems(CorrelationOutput output, CorrelationInput input)
    {
        if (MemoryOverlap.Overlaps(output.Correlations, input.Data1))
        {
            yield return $"{Out} overlaps {D1}; Correlation does not run in place.";
        }

        if (input.Data2 is { } d2 && MemoryOverlap.Overlaps(output.Correlations, d2))
        {
            yield return $"{Out} overlaps {D2}; Correlation does not run in place.";
        }
    }

    private static int ValidateSecond(CorrelationInput input, CorrelationSettings settings, ICollection<string> problems)
    {
        var d1 = input.Data1.Descriptor;
        if (settings.Mode == CorrelationMode.WithinBatch)
        {
            if (input.Data2 is not null)
            {
                problems.Add($"{D2} is present, but settings.Mode is WithinBatch (pairs within Data1 only); pass null, or use AllPairs.");
            }

            return d1.SpatialSize.N;
        }

        if (input.Data2 is not { } data2)
        {
            problems.Add($"{D2} is absent, but settings.Mode is AllPairs; pass the second batch (it may be Data1 itself).");
            return 1;
        }

        var d2 = data2.Descriptor;
        SpectrumChecks.RequireComplexSpectrum(D2, data2, Name, allowFullSpectrum: true, problems);
        string[] axes = ["X", "Y", "Z"];
        for (int a = 0; a < 3; a++)
        {
            if (d2.SpatialSize[a] != d1.SpatialSize[a])
            {
                problems.Add($"{D2}: SpatialSize.{axes[a]} is {d2.SpatialSize[a]}, but {D1} has {d1.SpatialSize[a]}.");
            }
        }

        var relevant = FourierState.FullSpectrum | FourierState.Shifted | FourierState.Centered;
        if ((d2.State & relevant) != (d1.State & relevant))
        {
            problems.Add($"{D2}: State is {d2.State}, but {D1} has {d1.State}; both must agree on FullSpectrum, Shifted and Centered.");
        }

        return d2.SpatialSize.N;
    }

    private static void ValidateOutput(FourierDescriptor o, FourierDescriptor d1, int n2, CorrelationSettings settings, ICollection<string> problems)
    {
        string[] axes = ["X", "Y", "Z"];
        for (int a = 0; a < 3; a++)
        {
            if (o.SpatialSize[a] != d1.SpatialSize[a])
            {
                problems.Add($"{Out}: SpatialSize.{axes[a]} is {o.SpatialSize[a]}, expected {d1.SpatialSize[a]} (Data1's).");
            }
        }

        long count = settings.Mode == CorrelationMode.WithinBatch
            ? (long)d1.SpatialSize.N * (d1.SpatialSize.N - 1) / 2
            : (long)d1.SpatialSize.N * n2;
        if (o.SpatialSize.N != count && count > 0)
        {
            problems.Add($"{Out}: SpatialSize.N is {o.SpatialSize.N}, expected {count} ({settings.Mode} of {d1.SpatialSize.N}{(settings.Mode == CorrelationMode.AllPairs ? $" × {n2}" : string.Empty)} images).");
        }

        var expected = Correlation.OutputState(d1.State, settings);
        if (o.State != expected)
        {
            problems.Add($"{Out}: State is {o.State}, expected {expected} (use Correlation.OutputDescriptor).");
        }
    }
}
