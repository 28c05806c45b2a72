namespace Oompa.Benchmarks.Elementwise;

/// <summary>One measured case of <c>./oompa bench elementwise</c>.</summary>
/// <param name="Key">The <see cref="ElementwiseBenchmarks.Case"/> value that selects it, and the prefix of its JSON
/// fields (<c>{Key}_gbps</c>, <c>{Key}_copy_fraction</c>).</param>
/// <param name="Label">What it does, for people.</param>
/// <param name="Bytes">Bytes one call moves by the definition in <see cref="ElementwiseCases"/>.</param>
internal sealed record ElementwiseCase(string Key, string Label, long Bytes);
