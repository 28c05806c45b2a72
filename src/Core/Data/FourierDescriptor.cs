namespace Oompa.Core.Data;

/// <summary>
/// Describes data that an FFT moves between the spatial and the frequency domain: the spatial size and padding, the
/// frequency size and padding, which domain the data is in now, and the <see cref="FourierState"/> of its coefficients.
/// </summary>
/// <remarks>
/// The frequency size is the Hermitian half (X/2 + 1 columns) unless <see cref="FourierState.FullSpectrum"/> is set.
/// Both paddings are honoured by indexing. Equality compares every field.
/// </remarks>
public sealed record FourierDescriptor : ILogicalDescriptor
{
    /// <summary>Creates a descriptor; prefer <see cref="ForSpatial"/>, <see cref="ForInPlace"/> and the conversions.</summary>
    public FourierDescriptor(
        Size spatialSize,
        FourierDomain domain,
        FourierState state = FourierState.None,
        Padding spatialPadding = default,
        Padding frequencyPadding = default)
    {
        if (!Enum.IsDefined(domain))
        {
            throw new ArgumentOutOfRangeException(nameof(domain), domain, "Unknown Fourier domain.");
        }

        if ((state & ~(FourierState.Centered | FourierState.Shifted | FourierState.Normalized | FourierState.FullSpectrum)) != 0)
        {
            throw new ArgumentOutOfRangeException(nameof(state), state, "Unknown Fourier state flags.");
        }

        SpatialSize = spatialSize;
        Domain = domain;
        State = state;
        Spatial = new LogicalDescriptor(spatialSize, spatialPadding);
        FrequencySize = state.HasFlag(FourierState.FullSpectrum)
            ? spatialSize
            : new Size((spatialSize.X / 2) + 1, spatialSize.Y, spatialSize.Z, spatialSize.N);
        Frequency = new LogicalDescriptor(FrequencySize, frequencyPadding);
    }

    /// <summary>Logical size of the real-space data.</summary>
    public Size SpatialSize { get; }

    /// <summary>Logical size of the coefficients: X/2 + 1 columns for the Hermitian half, else the spatial size.</summary>
    public Size FrequencySize { get; }

    /// <summary>Layout of the data in the spatial domain.</summary>
    public LogicalDescriptor Spatial { get; }

    /// <summary>Layout of the data in the frequency domain.</summary>
    public LogicalDescriptor Frequency { get; }

    /// <summary>The domain the data is in now.</summary>
    public FourierDomain Domain { get; }

    /// <summary>Facts about the coefficients (meaningful in the frequency domain; kept across transforms).</summary>
    public FourierState State { get; }

    /// <summary>Whether the full spectrum rather than the Hermitian half is stored.</summary>
    public bool IsFullSpectrum => State.HasFlag(FourierState.FullSpectrum);

    /// <inheritdoc />
    public LogicalDescriptor Layout => Domain == FourierDomain.Spatial ? Spatial : Frequency;

    /// <inheritdoc />
    public long ElementCount => Layout.ElementCount;

    /// <inheritdoc />
    public IReadOnlyList<KeyValuePair<string, string>> Fields =>
    [
        new("SpatialSize.X", SpatialSize.X.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        new("SpatialSize.Y", SpatialSize.Y.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        new("SpatialSize.Z", SpatialSize.Z.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        new("SpatialSize.N", SpatialSize.N.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        new("Domain", Domain.ToString()),
        new("State", State.ToString()),
        new("SpatialPadding", Spatial.Padding.ToString()),
        new("FrequencyPadding", Frequency.Padding.ToString()),
    ];

    /// <summary>The factor 1 / (X·Y·Z) that makes forward followed by inverse the identity.</summary>
    public float NormalizationFactor => 1f / SpatialSize.Single;

    /// <summary>Spatial data of <paramref name="size"/> with optional padding.</summary>
    public static FourierDescriptor ForSpatial(Size size, Padding padding = default) => new(size, FourierDomain.Spatial, FourierState.None, padding);

    /// <summary>
    /// Spatial data laid out for an in-place real-to-complex transform: each row is padded to 2·(X/2 + 1) floats so the
    /// same bytes hold the Hermitian half spectrum after the forward transform.
    /// </summary>
    public static FourierDescriptor ForInPlace(Size size) =>
        new(size, FourierDomain.Spatial, FourierState.None, new Padding(xEnd: (2 * ((size.X / 2) + 1)) - size.X));

    /// <summary>The same descriptor in the frequency domain, with the given state.</summary>
    public FourierDescriptor ToFrequency(FourierState state = FourierState.None) =>
        new(SpatialSize, FourierDomain.Frequency, state | (State & FourierState.FullSpectrum), Spatial.Padding, Frequency.Padding);

    /// <summary>The same descriptor in the spatial domain, keeping its state.</summary>
    public FourierDescriptor ToSpatial() => new(SpatialSize, FourierDomain.Spatial, State, Spatial.Padding, Frequency.Padding);

    /// <summary>The same descriptor with another state (the full-spectrum flag included, since it changes the layout).</summary>
    public FourierDescriptor WithState(FourierState state) => new(SpatialSize, Domain, state, Spatial.Padding, Frequency.Padding);

    /// <summary>The same descriptor with another batch count.</summary>
    public FourierDescriptor WithN(int n) => new(SpatialSize.WithN(n), Domain, State, Spatial.Padding, Frequency.Padding);

    /// <summary>Formats as <c>Frequency 513×1024×1×10 [Centered] (spatial 1024×1024×1×10)</c>.</summary>
    public override string ToString() => $"{Domain} {Layout} [{State}] (spatial {SpatialSize})";
}
