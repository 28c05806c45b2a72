namespace Oompa.Tuning.Spaces;

/// <summary>Mixed-radix numbering of candidate positions; digit 0 is the most significant.</summary>
internal sealed class MixedRadix
{
    private readonly int[] _radices;
    private readonly long[] _strides;

    /// <summary>Creates the numbering; throws <see cref="OverflowException"/> past <see cref="long.MaxValue"/>.</summary>
    public MixedRadix(int[] radices)
    {
        _radices = radices;
        _strides = new long[radices.Length];
        long bound = 1;
        for (var i = radices.Length - 1; i >= 0; i--)
        {
            _strides[i] = bound;
            bound = checked(bound * radices[i]);
        }

        Total = bound;
    }

    /// <summary>The number of indices.</summary>
    public long Total { get; }

    /// <summary>The index of the first configuration after every configuration sharing digits 0..<paramref name="depth"/> with <paramref name="index"/>.</summary>
    public long NextBlock(long index, int depth) => ((index / _strides[depth]) + 1) * _strides[depth];

    /// <summary>The digits of <paramref name="index"/>.</summary>
    public int[] Digits(long index)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, Total);
        var digits = new int[_radices.Length];
        for (var i = 0; i < digits.Length; i++)
        {
            digits[i] = (int)(index / _strides[i]);
            index %= _strides[i];
        }

        return digits;
    }

    /// <summary>The index of <paramref name="digits"/>.</summary>
    public long Encode(int[] digits)
    {
        long index = 0;
        for (var i = 0; i < digits.Length; i++)
        {
            index += digits[i] * _strides[i];
        }

        return index;
    }
}
