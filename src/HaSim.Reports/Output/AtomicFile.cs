using System.Text;

namespace HaSim.Reports.Output;

/// <summary>Writes files so that a reader never sees a half-written one: write a temporary file beside it, then rename over.</summary>
public static class AtomicFile
{
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    /// <summary>
    /// Checks, before any work, that a file can be written at <paramref name="path"/>: a name is given,
    /// it is not a directory, and its folder exists or can be made and takes a new file.
    /// </summary>
    /// <exception cref="OutputPathException">It cannot.</exception>
    public static void CheckWritable(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        string full;
        try
        {
            full = string.IsNullOrWhiteSpace(path) ? throw new OutputPathException("the file name is empty") : Path.GetFullPath(path);
        }
        catch (Exception e) when (e is ArgumentException or NotSupportedException or PathTooLongException)
        {
            throw new OutputPathException($"'{path}' is not a usable file name", e);
        }

        if (Directory.Exists(full) || Path.EndsInDirectorySeparator(path))
        {
            throw new OutputPathException($"'{path}' is a directory; give a file name");
        }

        string dir = Path.GetDirectoryName(full)!;
        string probe = Path.Combine(dir, $".{Path.GetFileName(full)}.{Environment.ProcessId}.probe");
        try
        {
            Directory.CreateDirectory(dir);
            using (new FileStream(probe, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1, FileOptions.DeleteOnClose))
            {
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new OutputPathException($"cannot write '{path}': {e.Message}", e);
        }
    }

    /// <summary>Writes <paramref name="text"/> to <paramref name="path"/> atomically (UTF-8, no BOM).</summary>
    public static void WriteAllText(string path, string text) => Write(path, stream =>
    {
        var bytes = Utf8.GetBytes(text);
        stream.Write(bytes, 0, bytes.Length);
    });

    /// <summary>Writes whatever <paramref name="write"/> puts in the stream to <paramref name="path"/> atomically.</summary>
    public static void Write(string path, Action<Stream> write)
    {
        ArgumentNullException.ThrowIfNull(write);
        string full = Path.GetFullPath(path);
        string dir = Path.GetDirectoryName(full)!;
        Directory.CreateDirectory(dir);
        string temp = Path.Combine(dir, $".{Path.GetFileName(full)}.{Environment.ProcessId}.tmp");
        try
        {
            using (var stream = new FileStream(temp, FileMode.Create, FileAccess.Write, FileShare.None))
            {
                write(stream);
                stream.Flush(flushToDisk: true);
            }

            File.Move(temp, full, overwrite: true);
        }
        finally
        {
            if (File.Exists(temp))
            {
                File.Delete(temp);
            }
        }
    }
}
