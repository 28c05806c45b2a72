using Oompa.Scheduler.Data;

namespace Oompa.Scheduler.Tasks;

/// <summary>The performance-model key of a task's data: a stable 64-bit FNV-1a hash of its sizes.</summary>
internal static class Footprint
{
    private const ulong Offset = 14695981039346656037UL;
    private const ulong Prime = 1099511628211UL;

    /// <summary>Footprint and regression size of a task: from the declared size, else from the accessed handles.</summary>
    public static (ulong Footprint, long Size) Of(DataAccess[] accesses, long? declaredSize)
    {
        if (declaredSize is { } size)
        {
            return (Mix(Offset ^ 0x5A5A, (ulong)size), size);
        }

        ulong hash = Offset;
        long total = 0;
        foreach (var access in accesses)
        {
            if (access.Mode == AccessMode.Scratch)
            {
                continue;
            }

            hash = Mix(hash, (ulong)access.Handle.Bytes);
            total += access.Handle.Bytes;
        }

        return (hash, total);
    }

    private static ulong Mix(ulong hash, ulong value)
    {
        for (int i = 0; i < 8; i++)
        {
            hash ^= (value >> (8 * i)) & 0xFF;
            hash *= Prime;
        }

        return hash;
    }
}
