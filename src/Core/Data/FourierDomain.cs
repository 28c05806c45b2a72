namespace Oompa.Core.Data;

/// <summary>Which domain a <see cref="FourierDescriptor"/> payload currently holds.</summary>
public enum FourierDomain
{
    /// <summary>Real-space samples.</summary>
    Spatial,

    /// <summary>Fourier coefficients.</summary>
    Frequency,
}
