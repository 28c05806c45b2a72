using Oompa.Algorithms.Common;
using Oompa.Core.Data;

namespace Oompa.Algorithms.Reconstruction.Insertion;

/// <summary>The request checks of <see cref="FourierInsertion"/>: every problem names the member and the field.</summary>
internal static class FourierInsertionValidation
{
    private const string Name = nameof(FourierInsertion);

    public static void Validate(FourierInsertionOutput output, FourierInsertionInput input, FourierInsertionSettings settings, ICollection<string> problems)
    {
        ValidateSettings(settings, problems);
        var spectra = input.Spectra;
        SpectrumChecks.RequireComplexSpectrum("input member 'Spectra'", spectra, Name, allowFullSpectrum: false, problems);
        var state = spectra.Descriptor.State;
        if (!state.HasFlag(FourierState.Shifted))
        {
            problems.Add($"input member 'Spectra': State is {state}; {Name} needs Shifted spectra (zero frequency on row R).");
        }

        if (state.HasFlag(FourierState.Centered))
        {
            problems.Add($"input member 'Spectra': State has Centered; {Name} needs coefficients of images whose origin is at index 0, not multiplied by (−1)^(x+y).");
        }

        int r = FourierInsertion.HalfSize(spectra.Descriptor);
        if (r < 0)
        {
            var s = spectra.Descriptor.SpatialSize;
            problems.Add($"input member 'Spectra': SpatialSize is {s.X}×{s.Y}×{s.Z}; {Name} needs (2R+1)×(2R+1)×1 with R ≥ 1 (odd, square, 2D).");
        }

        RequireExact("input member 'Spaces'", input.Spaces, TraverseSpace.DataType, FourierInsertion.SpacesDescriptor(input.Spaces.Descriptor.Size.X), problems);
        ValidateTable(input.BlobTable, settings, problems);
        if (r < 0)
        {
            return;
        }

        var volume = output.Volume;
        if (volume.Physical.Type != DataType.Complex32)
        {
            problems.Add($"output member 'Volume': Physical.Type is {volume.Physical.Type}; {Name} accumulates Complex32.");
        }

        var expected = FourierInsertion.VolumeDescriptor(spectra.Descriptor).Fields;
        var actual = volume.Descriptor.Fields;
        for (int i = 0; i < expected.Count; i++)
        {
            if (!expected[i].Key.EndsWith("Padding", StringComparison.Ordinal) && expected[i].Value != actual[i].Value)
            {
                problems.Add($"output member 'Volume': {actual[i].Key} is {actual[i].Value}, expected {expected[i].Value} (see FourierInsertion.VolumeDescriptor).");
            }
        }

        var weights = output.Weights;
        if (weights.Physical.Type != DataType.Float32)
        {
            problems.Add($"output member 'Weights': Physical.Type is {weights.Physical.Type}; {Name} accumulates Float32.");
        }

        var wanted = FourierInsertion.WeightsDescriptor(spectra.Descriptor).Size;
        if (weights.Descriptor.Size != wanted)
        {
            problems.Add($"output member 'Weights': Size is {weights.Descriptor.Size}, expected {wanted} (see FourierInsertion.WeightsDescriptor).");
        }

        if (MemoryOverlap.Overlaps(volume, weights))
        {
            problems.Add("output members 'Volume' and 'Weights' overlap in memory; they must be separate buffers.");
        }
    }

    private static void ValidateSettings(FourierInsertionSettings s, ICollection<string> problems)
    {
        if (!(s.BlobRadius > 0 && s.BlobRadius <= 8))
        {
            problems.Add($"settings: BlobRadius is {s.BlobRadius}; it must lie in (0, 8] Fourier voxels.");
        }

        if (s.BlobOrder is < 0 or > 4)
        {
            problems.Add($"settings: BlobOrder is {s.BlobOrder}; it must be 0, 1, 2, 3 or 4.");
        }

        if (!(s.BlobAlpha > 0 && s.BlobAlpha <= 100))
        {
            problems.Add($"settings: BlobAlpha is {s.BlobAlpha}; it must lie in (0, 100].");
        }

        if (!Enum.IsDefined(s.Mode))
        {
            problems.Add($"settings: Mode {(int)s.Mode} is not an {nameof(InsertionMode)}.");
        }

        if (!Enum.IsDefined(s.Evaluation))
        {
            problems.Add($"settings: Evaluation {(int)s.Evaluation} is not a {nameof(BlobEvaluation)}.");
        }
    }

    private static void ValidateTable(Payload<LogicalDescriptor>? table, FourierInsertionSettings settings, ICollection<string> problems)
    {
        if (table is null)
        {
            if (settings.UsesTable)
            {
                problems.Add("input member 'BlobTable' is absent, but settings Mode is Blob with Evaluation Table, which reads it.");
            }

            return;
        }

        if (!settings.UsesTable)
        {
            problems.Add($"input member 'BlobTable' is present, but settings Mode {settings.Mode} with Evaluation {settings.Evaluation} does not read it; pass null.");
            return;
        }

        int entries = table.Descriptor.Size.X;
        if (entries < 2)
        {
            problems.Add($"input member 'BlobTable': Size.X is {entries}; a blob table needs at least 2 entries.");
            return;
        }

        RequireExact("input member 'BlobTable'", table, DataType.Float32, FourierInsertion.TableDescriptor(entries), problems);
    }

    private static void RequireExact(string member, Payload<LogicalDescriptor> payload, DataType type, LogicalDescriptor expected, ICollection<string> problems)
    {
        if (payload.Physical.Type != type)
        {
            problems.Add($"{member}: Physical.Type is {payload.Physical.Type}, expected {type}.");
        }

        var actual = payload.Descriptor.Fields;
        var wanted = expected.Fields;
        for (int i = 0; i < actual.Count; i++)
        {
            if (actual[i].Value != wanted[i].Value)
            {
                problems.Add($"{member}: {actual[i].Key} is {actual[i].Value}, expected {wanted[i].Value} (a 1D array without padding).");
            }
        }
    }
}
