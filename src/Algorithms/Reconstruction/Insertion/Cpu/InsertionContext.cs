using Oompa.Core.Data;

namespace Oompa.Algorithms.Reconstruction.Insertion.Cpu;

/// <summary>Everything one traverse space's insertion reads, flattened to pointers, strides and floats for the row kernels.</summary>
internal readonly unsafe struct InsertionContext
{
    public InsertionContext(in TraverseSpace s, int halfSize, float radius, ComplexF* volume, float* weights, ComplexF* spectrum, in Strides strides)
    {
        HalfSize = halfSize;
        Last = 2 * halfSize;
        Radius = radius;
        RadiusSqr = radius * radius;
        MaxDistanceSqr = s.MaxDistanceSqr;
        M00 = s.M00; M01 = s.M01; M02 = s.M02;
        M10 = s.M10; M11 = s.M11; M12 = s.M12;
        M20 = s.M20; M21 = s.M21; M22 = s.M22;
        Weight = s.Weight;
        Volume = volume;
        Weights = weights;
        Spectrum = spectrum;
        Layout = strides;
    }

    public int HalfSize { get; }

    public int Last { get; }

    public float Radius { get; }

    public float RadiusSqr { get; }

    public float MaxDistanceSqr { get; }

    public float M00 { get; }

    public float M01 { get; }

    public float M02 { get; }

    public float M10 { get; }

    public float M11 { get; }

    public float M12 { get; }

    public float M20 { get; }

    public float M21 { get; }

    public float M22 { get; }

    public float Weight { get; }

    public ComplexF* Volume { get; }

    public float* Weights { get; }

    /// <summary>Element (0, 0) of the space's spectrum.</summary>
    public ComplexF* Spectrum { get; }

    public Strides Layout { get; }

    /// <summary>Row, plane strides and begin offsets of the volume, the weights and the spectra.</summary>
    internal readonly record struct Strides(
        long VolumeRow, long VolumePlane, long VolumeOrigin,
        long WeightRow, long WeightPlane, long WeightOrigin,
        long SpectrumRow);
}
