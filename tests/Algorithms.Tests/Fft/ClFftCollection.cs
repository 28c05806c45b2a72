namespace Oompa.Algorithms.Tests.Fft;

/// <summary>
/// Test classes that use clFFT run one after another: some assert on the process-wide count of baked plans, which
/// another class baking plans in parallel would change.
/// </summary>
[CollectionDefinition(Name)]
public sealed class ClFftCollection
{
    public const string Name = "clFFT";
}
