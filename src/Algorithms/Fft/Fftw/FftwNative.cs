using System.Runtime.InteropServices;
using Oompa.Core.Data;
using Oompa.Core.Native;

namespace Oompa.Algorithms.Fft.Fftw;

/// <summary>
/// The FFTW calls Oompa uses. Planner calls (plan creation and destruction, wisdom, thread settings) are not
/// thread-safe and must only be made through <see cref="FftwPlanner"/>, which holds the global planner lock; execution
/// and <c>fftwf_alignment_of</c> may be called from any thread.
/// </summary>
internal static unsafe partial class FftwNative
{
    private const string Library = "fftw3f";
    private const string ThreadsLibrary = "fftw3f_threads";

    static FftwNative()
    {
        _ = Fftw.Library;
        _ = Fftw.ThreadsLibrary;
        NativeLibraries.InstallResolver(typeof(FftwNative).Assembly);
    }

    [LibraryImport(Library)]
    internal static partial nint fftwf_plan_many_dft_r2c(
        int rank, int* n, int howmany, float* input, int* inembed, int istride, int idist,
        ComplexF* output, int* onembed, int ostride, int odist, uint flags);

    [LibraryImport(Library)]
    internal static partial nint fftwf_plan_many_dft_c2r(
        int rank, int* n, int howmany, ComplexF* input, int* inembed, int istride, int idist,
        float* output, int* onembed, int ostride, int odist, uint flags);

    [LibraryImport(Library)]
    internal static partial nint fftwf_plan_many_dft(
        int rank, int* n, int howmany, ComplexF* input, int* inembed, int istride, int idist,
        ComplexF* output, int* onembed, int ostride, int odist, int sign, uint flags);

    [LibraryImport(Library)]
    internal static partial void fftwf_execute_dft_r2c(FftwPlan plan, float* input, ComplexF* output);

    [LibraryImport(Library)]
    internal static partial void fftwf_execute_dft_c2r(FftwPlan plan, ComplexF* input, float* output);

    [LibraryImport(Library)]
    internal static partial void fftwf_execute_dft(FftwPlan plan, ComplexF* input, ComplexF* output);

    [LibraryImport(Library)]
    internal static partial void fftwf_destroy_plan(nint plan);

    [LibraryImport(Library)]
    internal static partial int fftwf_alignment_of(float* p);

    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial int fftwf_import_wisdom_from_filename(string filename);

    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial int fftwf_export_wisdom_to_filename(string filename);

    [LibraryImport(ThreadsLibrary)]
    internal static partial int fftwf_init_threads();

    [LibraryImport(ThreadsLibrary)]
    internal static partial void fftwf_plan_with_nthreads(int threads);
}
