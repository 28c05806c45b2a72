using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using Oompa.Core.IO;

namespace Oompa.Core.Devices.OpenCl;

/// <summary>
/// Builds programs for one device and caches them: in memory by (source hash, options), and on disk as program binaries
/// keyed by device identity, source hash and options, so a second process skips compilation. A stale or foreign binary
/// is ignored and rebuilt from source. Thread-safe; each program is built once even when requested concurrently.
/// </summary>
public sealed unsafe class OpenClProgramCache : IDisposable
{
    private readonly OpenClDevice device;
    private readonly ConcurrentDictionary<string, Lazy<OpenClProgram>> programs = new(StringComparer.Ordinal);
    private long sourceBuilds;
    private long binaryLoads;

    internal OpenClProgramCache(OpenClDevice device, string? directory)
    {
        this.device = device;
        Directory = directory;
    }

    /// <summary>The folder for program binaries, or null when the disk cache is off.</summary>
    public string? Directory { get; }

    /// <summary>Programs compiled from source since the device was opened.</summary>
    public long SourceBuilds => Interlocked.Read(ref sourceBuilds);

    /// <summary>Programs loaded from the disk cache since the device was opened.</summary>
    public long BinaryLoads => Interlocked.Read(ref binaryLoads);

    /// <summary>Programs held in memory.</summary>
    public int Count => programs.Count;

    /// <summary>The program for <paramref name="source"/> built with <paramref name="options"/>, building it on first use.</summary>
    /// <exception cref="OpenClBuildException">Compilation failed; the message holds the compiler log.</exception>
    public OpenClProgram Get(OpenClKernelSource source, OpenClBuildOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(source);
        options ??= OpenClBuildOptions.None;
        string key = $"{source.Hash}|{options.Text}";
        var lazy = programs.GetOrAdd(key, _ => new Lazy<OpenClProgram>(() => Build(source, options), LazyThreadSafetyMode.ExecutionAndPublication));
        try
        {
            return lazy.Value;
        }
        catch
        {
            programs.TryRemove(KeyValuePair.Create(key, lazy));
            throw;
        }
    }

    /// <summary>Releases every cached program.</summary>
    public void Dispose()
    {
        foreach (var lazy in programs.Values)
        {
            if (lazy.IsValueCreated)
            {
                lazy.Value.Dispose();
            }
        }

        programs.Clear();
    }

    private OpenClProgram Build(OpenClKernelSource source, OpenClBuildOptions options)
    {
        string? path = Directory is null ? null : Path.Combine(Directory, BinaryName(source, options));
        if (path is not null && TryLoadBinary(path, source, options) is { } cached)
        {
            Interlocked.Increment(ref binaryLoads);
            return cached;
        }

        byte[] text = Encoding.UTF8.GetBytes(source.Text);
        int error;
        nint program;
        fixed (byte* p = text)
        {
            byte* s = p;
            nuint length = (nuint)text.Length;
            program = OpenClNative.clCreateProgramWithSource(device.ContextHandle, 1, &s, &length, &error);
        }

        OpenClError.ThrowIfFailed(error, $"clCreateProgramWithSource ({source})");
        var built = new OpenClProgram(device, program, source, options, fromBinary: false);
        int status = BuildProgram(program, options);
        if (status != OpenClError.Success)
        {
            string log = BuildLog(program);
            built.Dispose();
            if (status is -11 or -43 or -66)
            {
                throw new OpenClBuildException(source.ToString(), device.Name, options.Text, log);
            }

            OpenClError.ThrowIfFailed(status, $"clBuildProgram ({source})");
        }

        Interlocked.Increment(ref sourceBuilds);
        if (path is not null)
        {
            TrySaveBinary(path, program);
        }

        return built;
    }

    private int BuildProgram(nint program, OpenClBuildOptions options)
    {
        byte[] text = Encoding.ASCII.GetBytes(options.Text + "\0");
        nint dev = device.NativeDevice;
        fixed (byte* o = text)
        {
            return OpenClNative.clBuildProgram(program, 1, &dev, o, 0, 0);
        }
    }

    private OpenClProgram? TryLoadBinary(string path, OpenClKernelSource source, OpenClBuildOptions options)
    {
        byte[] binary;
        try
        {
            binary = File.ReadAllBytes(path);
        }
        catch (IOException)
        {
            return null;
        }
        catch (UnauthorizedAccessException)
        {
            return null;
        }

        if (binary.Length == 0)
        {
            return null;
        }

        nint dev = device.NativeDevice;
        int binaryStatus;
        int error;
        nint program;
        fixed (byte* b = binary)
        {
            byte* p = b;
            nuint length = (nuint)binary.Length;
            program = OpenClNative.clCreateProgramWithBinary(device.ContextHandle, 1, &dev, &length, &p, &binaryStatus, &error);
        }

        if (error != OpenClError.Success || binaryStatus != OpenClError.Success || program == 0)
        {
            return null;
        }

        var loaded = new OpenClProgram(device, program, source, options, fromBinary: true);
        if (BuildProgram(program, options) != OpenClError.Success)
        {
            loaded.Dispose();
            return null;
        }

        return loaded;
    }

    private static void TrySaveBinary(string path, nint program)
    {
        nuint size;
        if (OpenClNative.clGetProgramInfo(program, OpenClNative.ProgramBinarySizes, (nuint)sizeof(nuint), &size, null) != OpenClError.Success || size == 0)
        {
            return;
        }

        byte[] binary = new byte[(int)size];
        fixed (byte* b = binary)
        {
            byte* p = b;
            if (OpenClNative.clGetProgramInfo(program, OpenClNative.ProgramBinaries, (nuint)sizeof(nint), &p, null) != OpenClError.Success)
            {
                return;
            }
        }

        try
        {
            System.IO.Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            using var writer = new AtomicFileWriter(path);
            writer.Stream.Write(binary);
            writer.Commit();
        }
        catch (IOException)
        {
            // The disk cache is an optimisation; a read-only or full cache folder must not fail the build.
        }
        catch (UnauthorizedAccessException)
        {
            // Same as above.
        }
    }

    private string BuildLog(nint program)
    {
        nint dev = device.NativeDevice;
        nuint size;
        if (OpenClNative.clGetProgramBuildInfo(program, dev, OpenClNative.ProgramBuildLog, 0, null, &size) != OpenClError.Success || size == 0)
        {
            return "(no build log)";
        }

        byte[] log = new byte[(int)size];
        fixed (byte* p = log)
        {
            OpenClNative.clGetProgramBuildInfo(program, dev, OpenClNative.ProgramBuildLog, size, p, null);
        }

        return Encoding.UTF8.GetString(log).TrimEnd('\0', '\n', ' ');
    }

    private string BinaryName(OpenClKernelSource source, OpenClBuildOptions options)
    {
        byte[] key = Encoding.UTF8.GetBytes($"{device.Identity}\n{source.Hash}\n{options.Text}");
        return $"{Convert.ToHexStringLower(SHA256.HashData(key))[..32]}.bin";
    }
}
