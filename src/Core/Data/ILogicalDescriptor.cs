namespace Oompa.Core.Data;

/// <summary>A logical descriptor: says what a payload's data means and how its elements are laid out.</summary>
public interface ILogicalDescriptor
{
    /// <summary>The memory layout of the data as it is now (for Fourier data, the layout of the current domain).</summary>
    LogicalDescriptor Layout { get; }

    /// <summary>Elements the memory must hold.</summary>
    long ElementCount { get; }

    /// <summary>Every field as a (name, value) pair, so that mismatches can be reported by field name.</summary>
    IReadOnlyList<KeyValuePair<string, string>> Fields { get; }
}
