namespace Oompa.Algorithms.Fft.ClFft;

/// <summary>
/// clFFT's process-wide state: <c>clfftSetup</c> runs once, on first use, and every plan call (create, configure,
/// bake, enqueue, destroy) runs under <see cref="Gate"/>, because clFFT does not document its plan API as thread-safe.
/// At process exit the library is torn down so that it releases its cached kernels quietly; plans disposed after that
/// are not destroyed again.
/// </summary>
internal static unsafe class ClFftRuntime
{
    private static readonly Lazy<string?> SetupFailure = new(Setup, LazyThreadSafetyMode.ExecutionAndPublication);
    private static volatile bool tornDown;

    /// <summary>The lock every clFFT plan call holds.</summary>
    public static Lock Gate { get; } = new();

    /// <summary>Whether clFFT has been torn down (the process is exiting); plan calls must not be made then.</summary>
    public static bool TornDown => tornDown;

    /// <summary>Runs <c>clfftSetup</c> once; returns null when clFFT is ready, or why it is not.</summary>
    public static string? EnsureSetup() => SetupFailure.Value;

    private static string? Setup()
    {
        if (!ClFft.IsAvailable)
        {
            return new Core.Native.NativeLibraryMissingException(ClFft.Library).Message;
        }

        lock (Gate)
        {
            // Ask for the version the library has, so that clfftSetup's version check always passes.
            ClFftNative.SetupData data;
            int status = ClFftNative.clfftGetVersion(&data.Major, &data.Minor, &data.Patch);
            if (status == ClFftError.Success)
            {
                data.DebugFlags = 0;
                status = ClFftNative.clfftSetup(&data);
            }

            if (status != ClFftError.Success)
            {
                return $"clFFT could not be set up: clfftSetup failed with {ClFftError.Name(status)} ({status}).";
            }

            AppDomain.CurrentDomain.ProcessExit += (_, _) => Teardown();
            return null;
        }
    }

    private static void Teardown()
    {
        lock (Gate)
        {
            if (!tornDown)
            {
                tornDown = true;
                _ = ClFftNative.clfftTeardown();
            }
        }
    }
}
