using Oompa.Algorithms.Reconstruction.Blob;

namespace Oompa.Algorithms.Reconstruction.Insertion.Cpu;

/// <summary>A source of blob weights by squared distance; structs, so the kernels are specialised per source.</summary>
internal interface IBlobWeights
{
    float Weight(float d2);
}

/// <summary>Look-ups in the table payload: <c>table[(int)(d²·(T−1)/r² + 0.5)]</c>.</summary>
internal readonly unsafe struct TableWeights(float* table, int length, float radius) : IBlobWeights
{
    private readonly float scale = (length - 1) / (radius * radius);

    public float Weight(float d2)
    {
        int index = (int)((d2 * scale) + 0.5f);
        return table[index < length ? index : length - 1];
    }
}

/// <summary>Weights computed per call from the blob (double precision).</summary>
internal readonly struct ComputedWeights(KaiserBesselBlob blob) : IBlobWeights
{
    public float Weight(float d2) => (float)blob.Weight(d2);
}
