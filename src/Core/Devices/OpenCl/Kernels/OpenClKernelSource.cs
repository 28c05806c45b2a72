using System.Reflection;
using System.Security.Cryptography;
using System.Text;

namespace Oompa.Core.Devices.OpenCl;

/// <summary>OpenCL C source text with a name for messages and a content hash that keys caches.</summary>
public sealed record OpenClKernelSource
{
    /// <summary>Creates a source from text.</summary>
    /// <param name="name">A name for messages, for example the resource file name.</param>
    /// <param name="text">The OpenCL C program.</param>
    public OpenClKernelSource(string name, string text)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentException.ThrowIfNullOrWhiteSpace(text);
        Name = name;
        Text = text;
        Hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..16];
    }

    /// <summary>The name for messages.</summary>
    public string Name { get; }

    /// <summary>The program text.</summary>
    public string Text { get; }

    /// <summary>The first 16 hex digits of the SHA-256 of <see cref="Text"/>; part of every cache key.</summary>
    public string Hash { get; }

    /// <summary>Loads an embedded resource whose name ends with <paramref name="fileName"/> (for example <c>fill.cl</c>).</summary>
    /// <exception cref="InvalidOperationException">No or several resources match.</exception>
    public static OpenClKernelSource FromResource(Assembly assembly, string fileName)
    {
        ArgumentNullException.ThrowIfNull(assembly);
        ArgumentException.ThrowIfNullOrWhiteSpace(fileName);
        string[] matches = [.. assembly.GetManifestResourceNames().Where(n => n.EndsWith("." + fileName, StringComparison.Ordinal) || n == fileName)];
        if (matches.Length != 1)
        {
            throw new InvalidOperationException($"{assembly.GetName().Name} embeds {matches.Length} resources named '{fileName}' (expected one).");
        }

        using var stream = assembly.GetManifestResourceStream(matches[0])
            ?? throw new InvalidOperationException($"Resource '{matches[0]}' of {assembly.GetName().Name} cannot be read.");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return new OpenClKernelSource(fileName, reader.ReadToEnd());
    }

    /// <summary>Formats as <c>name#hash</c>.</summary>
    public override string ToString() => $"{Name}#{Hash}";
}
