using Oompa.Algorithms.Common;
using Oompa.Core.Data;

namespace Oompa.Algorithms.FourierProcessing;

/// <summary>The request checks of <see cref="FourierProcessing"/>, shared by every backend.</summary>
internal static class FourierProcessingValidation
{
    private const string Name = nameof(FourierProcessing);
    private const string In = "input member 'Data'";
    private const string Out = "output member 'Data'";

    public static void Validate(FourierProcessingOutput output, FourierProcessingInput input, FourierProcessingSettings settings, ICollection<string> problems)
    {
        var inD = input.Data.Descriptor;
        var outD = output.Data.Descriptor;
        SpectrumChecks.RequireComplexSpectrum(In, input.Data, Name, allowFullSpectrum: false, problems);
        SpectrumChecks.RequireComplexSpectrum(Out, output.Data, Name, allowFullSpectrum: false, problems);

        var inS = inD.SpatialSize;
        var outS = outD.SpatialSize;
        if (outS.N != inS.N)
        {
            problems.Add($"{Out}: SpatialSize.N is {outS.N}, expected {inS.N} (the input's batch).");
        }

        string[] axes = ["X", "Y", "Z"];
        bool crop = false;
        for (int a = 0; a < 3; a++)
        {
            if (outS[a] > inS[a])
            {
                problems.Add($"{Out}: SpatialSize.{axes[a]} is {outS[a]}, larger than the input's {inS[a]}; {Name} can only crop (keep low frequencies), not enlarge.");
            }

            crop |= outS[a] != inS[a];
        }

        var expected = FourierProcessing.OutputState(inD.State, settings);
        if (outD.State != expected)
        {
            problems.Add($"{Out}: State is {outD.State}, expected {expected} (use FourierProcessing.OutputDescriptor).");
        }

        ValidateStateTransitions(inD.State, settings, crop, problems);
        if (settings.Center)
        {
            SpectrumChecks.RequireEvenForCentering(Out, outS, problems);
        }

        ValidateFilter(outD, input.Filter, settings, problems);
    }

    /// <summary>Aliasing rules, checked at Init (when pointers are known) and again by strategies at every Execute.</summary>
    public static IEnumerable<string> AliasingProblems(FourierProcessingOutput output, FourierProcessingInput input, FourierProcessingSettings settings)
    {
        if (MemoryOverlap.Overlaps(output.Data, input.Data))
        {
            bool samePointer = MemoryOverlap.SamePointer(output.Data, input.Data);
            bool sameLayout = output.Data.Descriptor.Frequency == input.Data.Descriptor.Frequency;
            if (samePointer && output.Data.Descriptor.SpatialSize != input.Data.Descriptor.SpatialSize)
            {
                yield return $"{Out} is {In} (in place), but the output is cropped to SpatialSize {output.Data.Descriptor.SpatialSize}; cropping needs a separate output.";
            }
            else if (!samePointer || !sameLayout)
            {
                yield return $"{Out} overlaps {In} without being the same payload (same pointer and layout); in-place processing needs exactly the same coefficients.";
            }
            else if (settings.Shift)
            {
                yield return $"{Out} is {In} (in place), but settings.Shift moves rows; use a separate output.";
            }
        }

        if (input.Filter is { } filter && MemoryOverlap.Overlaps(output.Data, filter))
        {
            yield return $"{Out} overlaps input member 'Filter'; the filter must stay intact while the output is written.";
        }
    }

    private static void ValidateStateTransitions(FourierState state, FourierProcessingSettings settings, bool crop, ICollection<string> problems)
    {
        if (settings.Normalize && state.HasFlag(FourierState.Normalized))
        {
            problems.Add($"settings: Normalize is set, but {In} has State {state}, already Normalized.");
        }

        if (settings.Center && state.HasFlag(FourierState.Centered))
        {
            problems.Add($"settings: Center is set, but {In} has State {state}, already Centered (centring twice undoes it).");
        }

        if (settings.Shift && state.HasFlag(FourierState.Shifted))
        {
            problems.Add($"settings: Shift is set, but {In} has State {state}, already Shifted.");
        }

        if (state.HasFlag(FourierState.Shifted))
        {
            var uses = new List<string>();
            if (crop)
            {
                uses.Add("cropping");
            }

            if (settings.Center)
            {
                uses.Add("Center");
            }

            if (settings.ApplyFilter)
            {
                uses.Add("ApplyFilter");
            }

            if (settings.GaussianSigma is not null)
            {
                uses.Add("GaussianSigma");
            }

            if (settings.MaxFrequency is not null)
            {
                uses.Add("MaxFrequency");
            }

            if (uses.Count > 0)
            {
                problems.Add($"{In}: State has Shifted, but {string.Join(", ", uses)} index frequencies in unshifted order; process before shifting.");
            }
        }

        if (crop && state.HasFlag(FourierState.Centered))
        {
            problems.Add($"{In}: State has Centered; cropping a centred spectrum is declined (the (−1)^k factor belongs to the input grid). Crop first, then centre.");
        }
    }

    private static void ValidateFilter(FourierDescriptor output, Payload<LogicalDescriptor>? filter, FourierProcessingSettings settings, ICollection<string> problems)
    {
        const string F = "input member 'Filter'";
        if (filter is null)
        {
            if (settings.ApplyFilter)
            {
                problems.Add($"{F} is absent, but settings.ApplyFilter is set.");
            }

            return;
        }

        if (!settings.ApplyFilter)
        {
            problems.Add($"{F} is present, but settings.ApplyFilter is not set; pass null when no filter is applied.");
        }

        if (filter.Physical.Type != DataType.Float32)
        {
            problems.Add($"{F}: Physical.Type is {filter.Physical.Type}; the filter must be Float32.");
        }

        var size = filter.Descriptor.Size;
        var want = output.FrequencySize;
        string[] axes = ["X", "Y", "Z"];
        for (int a = 0; a < 3; a++)
        {
            if (size[a] != want[a])
            {
                problems.Add($"{F}: Size.{axes[a]} is {size[a]}, expected {want[a]} (the output's frequency size {want.X}×{want.Y}×{want.Z}).");
            }
        }

        if (size.N != 1)
        {
            problems.Add($"{F}: Size.N is {size.N}, expected 1 (one filter is shared by every image of the batch).");
        }
    }
}
