namespace Oompa.Algorithms.Reduction;

/// <summary>What <see cref="Reduction"/> computes. NaN anywhere in what an operation reads makes its result NaN.</summary>
public enum ReductionOperation
{
    /// <summary>Element-wise accumulation into the output: Output.Data[i] += Input.Data[i] (Float32, Float64, Complex32).</summary>
    PiecewiseAdd,

    /// <summary>Per signal: the sum of its elements, accumulated in double, written as Float32.</summary>
    Sum,

    /// <summary>Per signal: the sum (in double) divided by X·Y·Z, written as Float32.</summary>
    Mean,

    /// <summary>Per signal: the smallest element, written as Float32.</summary>
    Min,

    /// <summary>Per signal: the largest element, written as Float32.</summary>
    Max,
}
