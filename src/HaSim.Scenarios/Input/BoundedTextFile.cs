using System.Text;

namespace HaSim.Scenarios.Input;

/// <summary>A file that cannot be read as bounded UTF-8 text.</summary>
/// <param name="path">The file as the user named it.</param>
/// <param name="line">The 1-based line of a problem with the content (1 for the whole content, e.g. too large), or 0 when the file cannot be opened at all.</param>
/// <param name="reason">What is wrong, without the file name.</param>
/// <param name="inner">The underlying error, if any.</param>
public sealed class InputFileException(string path, int line, string reason, Exception? inner = null)
    : Exception(line > 0 ? $"{path}:{line}: {reason}" : $"{path}: {reason}", inner)
{
    /// <summary>The file as the user named it.</summary>
    public string FilePath { get; } = path;

    /// <summary>The 1-based line of a problem with the content, or 0 when the file cannot be opened.</summary>
    public int Line { get; } = line;

    /// <summary>What is wrong.</summary>
    public string Reason { get; } = reason;
}

/// <summary>
/// Reads input files (scenarios, partial results, budgets) as text without trusting them: at most a
/// stated number of bytes (so <c>/dev/zero</c> or a huge file is refused, not read until memory runs
/// out), strict UTF-8 (an invalid byte is reported at its line), no NUL bytes (a binary file).
/// </summary>
public static class BoundedTextFile
{
    /// <summary>The largest scenario file read: 1 MiB, a thousand times the largest shipped one.</summary>
    public const int MaxScenarioBytes = 1 << 20;

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>Reads <paramref name="path"/> as UTF-8 text of at most <paramref name="maxBytes"/> bytes (a leading BOM is dropped).</summary>
    /// <exception cref="InputFileException">The file is missing, unreadable, too large, binary or not UTF-8.</exception>
    public static string Read(string path, int maxBytes)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxBytes);
        var bytes = ReadBytes(path, maxBytes);
        int nul = Array.IndexOf(bytes, (byte)0);
        if (nul >= 0)
        {
            throw new InputFileException(path, LineAt(bytes, nul), "a NUL byte: this is a binary file, not text");
        }

        int start = bytes.Length >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF ? 3 : 0;
        try
        {
            return StrictUtf8.GetString(bytes, start, bytes.Length - start);
        }
        catch (DecoderFallbackException e)
        {
            throw new InputFileException(path, LineAt(bytes, start + Math.Max(0, e.Index)), "not UTF-8 text (save the file as UTF-8)", e);
        }
    }

    private static byte[] ReadBytes(string path, int maxBytes)
    {
        if (path.Length == 0 || path.Contains('\0', StringComparison.Ordinal))
        {
            throw new InputFileException(path, 0, "not a usable file name");
        }

        if (Directory.Exists(path))
        {
            throw new InputFileException(path, 0, "is a directory, not a file");
        }

        try
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1, FileOptions.SequentialScan);

            // Read one byte past the limit: devices and pipes report no length, so the count read decides.
            var buffer = new byte[Math.Min(maxBytes + 1L, stream.CanSeek && stream.Length < maxBytes ? stream.Length + 1 : maxBytes + 1L)];
            int total = 0;
            int read;
            while (total < buffer.Length && (read = stream.Read(buffer, total, buffer.Length - total)) > 0)
            {
                total += read;
                if (total == buffer.Length && total <= maxBytes)
                {
                    Array.Resize(ref buffer, (int)Math.Min(maxBytes + 1L, buffer.Length * 2L));
                }
            }

            if (total > maxBytes)
            {
                throw new InputFileException(path, 1, $"the file is larger than {maxBytes.ToString("N0", System.Globalization.CultureInfo.InvariantCulture)} bytes, the most HaSim reads from such a file");
            }

            Array.Resize(ref buffer, total);
            return buffer;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException or System.Security.SecurityException)
        {
            string reason = e switch
            {
                FileNotFoundException or DirectoryNotFoundException => "file not found",
                UnauthorizedAccessException => "permission denied",
                _ => "cannot be read: " + e.Message,
            };
            throw new InputFileException(path, 0, reason, e);
        }
    }

    private static int LineAt(byte[] bytes, int offset)
    {
        int line = 1;
        for (int i = 0; i < offset && i < bytes.Length; i++)
        {
            if (bytes[i] == (byte)'\n')
            {
                line++;
            }
        }

        return line;
    }
}
