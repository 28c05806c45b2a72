using System.Runtime.InteropServices;
using Oompa.Core.Native;

namespace Oompa.Algorithms.Fft.ClFft;

/// <summary>
/// The clFFT calls Oompa uses (the public API of <c>clFFT.h</c>, version 2). Every call returns a <c>clfftStatus</c>
/// that callers pass to <see cref="ClFftError.ThrowIfFailed"/>. clFFT does not document its plan API as thread-safe,
/// so plan calls are made only through <see cref="ClFftRuntime"/>'s lock.
/// </summary>
internal static unsafe partial class ClFftNative
{
    private const string Library = "clFFT";

    /// <summary><c>CLFFT_1D</c>; 2D and 3D follow.</summary>
    internal const int Dim1 = 1;

    internal const int LayoutComplexInterleaved = 1;
    internal const int LayoutHermitianInterleaved = 3;
    internal const int LayoutReal = 5;

    internal const int PrecisionSingle = 1;

    internal const int DirectionForward = -1;
    internal const int DirectionBackward = 1;

    internal const int InPlace = 1;
    internal const int OutOfPlace = 2;

    static ClFftNative()
    {
        _ = ClFft.Library;
        NativeLibraries.InstallResolver(typeof(ClFftNative).Assembly);
    }

    [LibraryImport(Library)]
    internal static partial int clfftSetup(SetupData* setupData);

    [LibraryImport(Library)]
    internal static partial int clfftTeardown();

    [LibraryImport(Library)]
    internal static partial int clfftGetVersion(uint* major, uint* minor, uint* patch);

    [LibraryImport(Library)]
    internal static partial int clfftCreateDefaultPlan(nuint* plan, nint context, int dim, nuint* lengths);

    [LibraryImport(Library)]
    internal static partial int clfftDestroyPlan(nuint* plan);

    [LibraryImport(Library)]
    internal static partial int clfftSetPlanPrecision(nuint plan, int precision);

    [LibraryImport(Library)]
    internal static partial int clfftSetLayout(nuint plan, int input, int output);

    [LibraryImport(Library)]
    internal static partial int clfftSetResultLocation(nuint plan, int placeness);

    [LibraryImport(Library)]
    internal static partial int clfftSetPlanBatchSize(nuint plan, nuint batch);

    [LibraryImport(Library)]
    internal static partial int clfftSetPlanInStride(nuint plan, int dim, nuint* strides);

    [LibraryImport(Library)]
    internal static partial int clfftSetPlanOutStride(nuint plan, int dim, nuint* strides);

    [LibraryImport(Library)]
    internal static partial int clfftSetPlanDistance(nuint plan, nuint input, nuint output);

    [LibraryImport(Library)]
    internal static partial int clfftSetPlanScale(nuint plan, int direction, float scale);

    [LibraryImport(Library)]
    internal static partial int clfftBakePlan(nuint plan, uint queueCount, nint* queues, nint notify, nint userData);

    [LibraryImport(Library)]
    internal static partial int clfftGetTmpBufSize(nuint plan, nuint* bytes);

    [LibraryImport(Library)]
    internal static partial int clfftEnqueueTransform(
        nuint plan, int direction, uint queueCount, nint* queues, uint waitCount, nint* waitEvents, nint* outEvents,
        nint* inputs, nint* outputs, nint temporary);

    /// <summary><c>clfftSetupData</c>: the library version the caller expects and debug flags.</summary>
    [StructLayout(LayoutKind.Sequential)]
    internal struct SetupData
    {
        public uint Major;
        public uint Minor;
        public uint Patch;
        public ulong DebugFlags;
    }
}
