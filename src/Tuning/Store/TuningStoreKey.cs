using System.Security.Cryptography;
using System.Text;

namespace Oompa.Tuning.Store;

/// <summary>
/// What a stored tuning result applies to. Every part is portable text (no runtime hashes or mangled type names), so
/// the same kernel on the same device finds its result from any process or build.
/// </summary>
public sealed record TuningStoreKey
{
    /// <summary>Creates a key.</summary>
    /// <param name="device">The device identity (vendor, name, driver, compute units), e.g. <c>IDevice.Identity</c>.</param>
    /// <param name="strategy">The strategy name, e.g. <c>OpenCl.Correlation</c>.</param>
    /// <param name="sourceHash">The hash of the kernel source, from <see cref="HashSource"/>.</param>
    /// <param name="group">The strategy-group signature (sizes, types, settings that change the best configuration); may be empty.</param>
    public TuningStoreKey(string device, string strategy, string sourceHash, string group)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(device);
        ArgumentException.ThrowIfNullOrWhiteSpace(strategy);
        ArgumentException.ThrowIfNullOrWhiteSpace(sourceHash);
        ArgumentNullException.ThrowIfNull(group);
        Device = device;
        Strategy = strategy;
        SourceHash = sourceHash;
        Group = group;
    }

    /// <summary>The device identity.</summary>
    public string Device { get; }

    /// <summary>The strategy name.</summary>
    public string Strategy { get; }

    /// <summary>The kernel source hash.</summary>
    public string SourceHash { get; }

    /// <summary>The strategy-group signature.</summary>
    public string Group { get; }

    /// <summary><c>sha256:</c> followed by the lowercase hex SHA-256 of the UTF-8 bytes of <paramref name="source"/>
    /// (exact bytes: line endings count).</summary>
    public static string HashSource(string source)
    {
        ArgumentNullException.ThrowIfNull(source);
        return "sha256:" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(source)));
    }

    /// <summary>The parts joined by <c> | </c>; entries are sorted by this text in the file.</summary>
    public override string ToString() => $"{Device} | {Strategy} | {SourceHash} | {Group}";
}
