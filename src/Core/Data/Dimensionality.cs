namespace Oompa.Core.Data;

/// <summary>Number of spatial axes a <see cref="Size"/> really uses.</summary>
public enum Dimensionality
{
    /// <summary>Only X is larger than one (or every axis is one).</summary>
    One = 1,

    /// <summary>Y is larger than one and Z is one.</summary>
    Two = 2,

    /// <summary>Z is larger than one.</summary>
    Three = 3,
}
