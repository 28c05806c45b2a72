namespace Oompa.Core.Devices.OpenCl;

/// <summary>
/// An ND-range of 1–3 dimensions: global work size and optional work-group (local) size. Global sizes are rounded up to
/// a multiple of the local size by <see cref="Rounded"/>, so kernels must guard against indices past the problem.
/// </summary>
public sealed record OpenClRange
{
    /// <summary>Creates a range; <paramref name="local"/> null lets the driver choose the work-group size.</summary>
    public OpenClRange(long[] global, long[]? local = null)
    {
        ArgumentNullException.ThrowIfNull(global);
        if (global.Length is < 1 or > 3)
        {
            throw new ArgumentOutOfRangeException(nameof(global), $"An ND-range has 1 to 3 dimensions, not {global.Length}.");
        }

        if (global.Any(g => g < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(global), $"Global sizes must be positive: [{string.Join(", ", global)}].");
        }

        if (local is not null && (local.Length != global.Length || local.Any(l => l < 1)))
        {
            throw new ArgumentOutOfRangeException(nameof(local), $"Local sizes [{string.Join(", ", local)}] must be positive and as many as the global sizes.");
        }

        if (local is not null && global.Zip(local).Any(p => p.First % p.Second != 0))
        {
            throw new ArgumentException($"Global sizes [{string.Join(", ", global)}] must be multiples of local sizes [{string.Join(", ", local)}]; use Rounded.", nameof(global));
        }

        Global = [.. global];
        Local = local is null ? null : [.. local];
    }

    /// <summary>Global work-items per dimension.</summary>
    public IReadOnlyList<long> Global { get; }

    /// <summary>Work-group size per dimension, or null for the driver's choice.</summary>
    public IReadOnlyList<long>? Local { get; }

    /// <summary>1, 2 or 3.</summary>
    public int Dimensions => Global.Count;

    /// <summary>A range whose global sizes are <paramref name="problem"/> rounded up to multiples of <paramref name="local"/>.</summary>
    public static OpenClRange Rounded(long[] problem, long[] local)
    {
        ArgumentNullException.ThrowIfNull(problem);
        ArgumentNullException.ThrowIfNull(local);
        if (problem.Length != local.Length)
        {
            throw new ArgumentException("Problem and local sizes need the same number of dimensions.", nameof(local));
        }

        return new OpenClRange([.. problem.Zip(local, (p, l) => l < 1 ? p : (Math.Max(p, 1) + l - 1) / l * l)], local);
    }

    /// <summary>A one-dimensional range of <paramref name="items"/> rounded up to work-groups of <paramref name="groupSize"/>.</summary>
    public static OpenClRange Linear(long items, long groupSize) => Rounded([items], [groupSize]);

    internal unsafe void Write(nuint* global, nuint* local)
    {
        for (int d = 0; d < Global.Count; d++)
        {
            global[d] = (nuint)Global[d];
            local[d] = Local is null ? 0 : (nuint)Local[d];
        }
    }

    /// <summary>Formats as <c>global [..] local [..]</c>.</summary>
    public override string ToString() =>
        $"global [{string.Join(", ", Global)}] local [{(Local is null ? "auto" : string.Join(", ", Local))}]";
}
