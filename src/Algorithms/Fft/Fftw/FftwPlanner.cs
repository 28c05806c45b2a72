using System.Runtime.InteropServices;
using Oompa.Core.Data;
using Oompa.Core.Native;

namespace Oompa.Algorithms.Fft.Fftw;

/// <summary>
/// Every FFTW planner call goes through here, under one process-wide lock, because FFTW's planner is not thread-safe.
/// Plans are made on scratch arrays of the key's alignment, never on user data, so measuring cannot clobber anything
/// and <c>Init</c> can plan for payloads that hold no data yet.
/// </summary>
internal static unsafe class FftwPlanner
{
    private const int ScratchAlignment = 256;
    private static readonly Lock Gate = new();
    private static bool initialized;
    private static bool threadsReady;
    private static long plansCreated;

    /// <summary>Plans FFTW has created in this process.</summary>
    public static long PlansCreated => Interlocked.Read(ref plansCreated);

    /// <summary>Wisdom file imported at first use and exported after every new measured plan.</summary>
    public static FftwWisdom Wisdom { get; } = FftwWisdom.Default;

    /// <summary>Whether plans may use more than one thread (FFTW's threads library loaded and initialised).</summary>
    public static bool ThreadsReady
    {
        get
        {
            lock (Gate)
            {
                EnsureInitialized();
                return threadsReady;
            }
        }
    }

    /// <summary><c>fftwf_alignment_of</c>: the alignment class of a pointer (thread-safe, not a planner call).</summary>
    public static int AlignmentOf(nint pointer) => FftwNative.fftwf_alignment_of((float*)pointer);

    /// <summary>Creates the plan for <paramref name="key"/>, or returns null when FFTW cannot plan it.</summary>
    public static FftwPlan? Create(FftwPlanKey key)
    {
        bool inPlace = key.InPlace;
        long inBytes = key.InExtentBytes + key.InAlignment;
        long outBytes = key.OutExtentBytes + key.OutAlignment;
        byte* input = (byte*)NativeMemory.AlignedAlloc((nuint)Math.Max(inPlace ? Math.Max(inBytes, outBytes) : inBytes, 1), ScratchAlignment);
        byte* output = inPlace ? input : (byte*)NativeMemory.AlignedAlloc((nuint)Math.Max(outBytes, 1), ScratchAlignment);
        try
        {
            nint inStart = (nint)(input + key.InAlignment);
            nint outStart = (nint)(output + key.OutAlignment);
            lock (Gate)
            {
                EnsureInitialized();
                if (AlignmentOf(inStart) != key.InAlignment || AlignmentOf(outStart) != key.OutAlignment)
                {
                    throw new InvalidOperationException($"FFTW alignment classes {key.InAlignment}/{key.OutAlignment} cannot be reproduced on {ScratchAlignment}-byte aligned scratch memory.");
                }

                if (threadsReady)
                {
                    FftwNative.fftwf_plan_with_nthreads(key.Threads);
                }
                else if (key.Threads > 1)
                {
                    throw new InvalidOperationException("A multi-threaded FFTW plan was requested, but FFTW's threads library is not available.");
                }

                nint plan = Plan(key, inStart, outStart);
                if (plan == 0)
                {
                    return null;
                }

                Interlocked.Increment(ref plansCreated);
                if ((key.Flags & FftwFlags.Estimate) == 0)
                {
                    _ = Wisdom.Export();
                }

                return new FftwPlan(plan, key);
            }
        }
        finally
        {
            NativeMemory.AlignedFree(input);
            if (!inPlace)
            {
                NativeMemory.AlignedFree(output);
            }
        }
    }

    /// <summary>The error for a plan FFTW would not make, naming the planner call.</summary>
    public static NativeCallException PlanFailed(FftwPlanKey key)
    {
        string call = key.Kind switch
        {
            FftwKind.RealToComplex => nameof(FftwNative.fftwf_plan_many_dft_r2c),
            FftwKind.ComplexToReal => nameof(FftwNative.fftwf_plan_many_dft_c2r),
            _ => nameof(FftwNative.fftwf_plan_many_dft),
        };
        return new NativeCallException(Fftw.Library.Name, $"{call} for {key}", 0, "a null plan");
    }

    /// <summary>Destroys a plan (called by <see cref="FftwPlan"/>).</summary>
    public static void Destroy(nint plan)
    {
        lock (Gate)
        {
            FftwNative.fftwf_destroy_plan(plan);
        }
    }

    /// <summary>Writes the process's wisdom to <paramref name="wisdom"/>'s file.</summary>
    public static bool Export(FftwWisdom wisdom)
    {
        lock (Gate)
        {
            EnsureInitialized();
            return wisdom.Export();
        }
    }

    /// <summary>Merges <paramref name="wisdom"/>'s file into the process's wisdom.</summary>
    public static bool Import(FftwWisdom wisdom)
    {
        lock (Gate)
        {
            EnsureInitialized();
            return wisdom.Import();
        }
    }

    private static nint Plan(FftwPlanKey key, nint input, nint output)
    {
        int* n = stackalloc int[3];
        int* inEmbed = stackalloc int[3];
        int* outEmbed = stackalloc int[3];
        switch (key.Rank)
        {
            case 1:
                n[0] = key.Nx;
                break;
            case 2:
                (n[0], n[1]) = (key.Ny, key.Nx);
                (inEmbed[0], inEmbed[1]) = (key.Ny, key.InRowStride);
                (outEmbed[0], outEmbed[1]) = (key.Ny, key.OutRowStride);
                break;
            default:
                (n[0], n[1], n[2]) = (key.Nz, key.Ny, key.Nx);
                (inEmbed[0], inEmbed[1], inEmbed[2]) = (key.Nz, key.InRows, key.InRowStride);
                (outEmbed[0], outEmbed[1], outEmbed[2]) = (key.Nz, key.OutRows, key.OutRowStride);
                break;
        }

        // Rank 1 needs no embedding: with null embeds FFTW uses the distances alone.
        int* ie = key.Rank == 1 ? null : inEmbed;
        int* oe = key.Rank == 1 ? null : outEmbed;
        return key.Kind switch
        {
            FftwKind.RealToComplex => FftwNative.fftwf_plan_many_dft_r2c(
                key.Rank, n, key.HowMany, (float*)input, ie, 1, key.InDist, (ComplexF*)output, oe, 1, key.OutDist, key.Flags),
            FftwKind.ComplexToReal => FftwNative.fftwf_plan_many_dft_c2r(
                key.Rank, n, key.HowMany, (ComplexF*)input, ie, 1, key.InDist, (float*)output, oe, 1, key.OutDist, key.Flags),
            _ => FftwNative.fftwf_plan_many_dft(
                key.Rank, n, key.HowMany, (ComplexF*)input, ie, 1, key.InDist, (ComplexF*)output, oe, 1, key.OutDist,
                key.Kind == FftwKind.ComplexForward ? FftwFlags.Forward : FftwFlags.Backward, key.Flags),
        };
    }

    private static void EnsureInitialized()
    {
        if (initialized)
        {
            return;
        }

        threadsReady = Fftw.ThreadsAvailable && FftwNative.fftwf_init_threads() != 0;
        _ = Wisdom.Import();
        initialized = true;
    }
}
