using System.Runtime.InteropServices;

namespace HaSim.Reports.Output;

/// <summary>Swaps two directories in one atomic step where the system can (Linux <c>renameat2</c> with <c>RENAME_EXCHANGE</c>).</summary>
internal static class RenameExchange
{
    private const int AtFdCwd = -100;
    private const uint Exchange = 2;

    /// <summary>Exchanges <paramref name="a"/> and <paramref name="b"/> atomically; false if this system or filesystem cannot.</summary>
    /// <exception cref="IOException">The exchange was possible in principle but failed.</exception>
    public static bool TryExchange(string a, string b)
    {
        if (!OperatingSystem.IsLinux())
        {
            return false;
        }

        try
        {
            if (renameat2(AtFdCwd, a, AtFdCwd, b, Exchange) == 0)
            {
                return true;
            }
        }
        catch (Exception e) when (e is EntryPointNotFoundException or DllNotFoundException)
        {
            return false;
        }

        int errno = Marshal.GetLastPInvokeError();
        const int ENOSYS = 38, EINVAL = 22, ENOTSUP = 95;
        return errno is ENOSYS or EINVAL or ENOTSUP
            ? false
            : throw new IOException($"cannot move the new result into place ({Marshal.GetPInvokeErrorMessage(errno)})");
    }

    // DllImport rather than LibraryImport: no unsafe code in this project; strings marshal as UTF-8 on Unix.
    [DllImport("libc", SetLastError = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern int renameat2(int olddirfd, [MarshalAs(UnmanagedType.LPUTF8Str)] string oldpath, int newdirfd, [MarshalAs(UnmanagedType.LPUTF8Str)] string newpath, uint flags);
}
