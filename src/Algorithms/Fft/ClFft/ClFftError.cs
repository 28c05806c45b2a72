using System.Collections.Frozen;
using System.Globalization;
using Oompa.Core.Devices.OpenCl;
using Oompa.Core.Native;

namespace Oompa.Algorithms.Fft.ClFft;

/// <summary>
/// The one place where clFFT statuses become names and exceptions. clFFT's statuses are OpenCL's codes (aliased with a
/// <c>CLFFT_</c> prefix where <c>clFFT.h</c> does) plus its own codes from 4096 up.
/// </summary>
internal static class ClFftError
{
    /// <summary><c>CLFFT_SUCCESS</c>.</summary>
    public const int Success = 0;

    private static readonly FrozenDictionary<int, string> Own = new Dictionary<int, string>
    {
        [4096] = "CLFFT_BUGCHECK",
        [4097] = "CLFFT_NOTIMPLEMENTED",
        [4098] = "CLFFT_TRANSPOSED_NOTIMPLEMENTED",
        [4099] = "CLFFT_FILE_NOT_FOUND",
        [4100] = "CLFFT_FILE_CREATE_FAILURE",
        [4101] = "CLFFT_VERSION_MISMATCH",
        [4102] = "CLFFT_INVALID_PLAN",
        [4103] = "CLFFT_DEVICE_NO_DOUBLE",
        [4104] = "CLFFT_DEVICE_MISMATCH",
    }.ToFrozenDictionary();

    /// <summary>
    /// The symbolic name of a status: clFFT's own (<c>CLFFT_INVALID_PLAN</c> for 4102), the <c>CLFFT_</c> alias of an
    /// OpenCL code that <c>clFFT.h</c> aliases (<c>CLFFT_INVALID_VALUE</c> for -30), or else the OpenCL name.
    /// </summary>
    public static string Name(int status)
    {
        if (Own.TryGetValue(status, out string? own))
        {
            return own;
        }

        if (status >= 4096)
        {
            return string.Create(CultureInfo.InvariantCulture, $"CLFFT_UNKNOWN_STATUS({status})");
        }

        string openCl = OpenClError.Name(status);
        bool aliased = status is <= 0 and >= -12 or <= -30 and >= -63;
        return aliased && openCl.StartsWith("CL_", StringComparison.Ordinal) ? "CLFFT_" + openCl[3..] : openCl;
    }

    /// <summary>Throws <see cref="NativeCallException"/> naming <paramref name="call"/> and the status unless it is success.</summary>
    /// <param name="status">The status the call returned.</param>
    /// <param name="call">The call as written in the binding, with what it was for, for example <c>clfftBakePlan (R2C 64x64)</c>.</param>
    public static void ThrowIfFailed(int status, string call)
    {
        if (status != Success)
        {
            throw new NativeCallException(ClFft.Library.Name, call, status, Name(status));
        }
    }
}
