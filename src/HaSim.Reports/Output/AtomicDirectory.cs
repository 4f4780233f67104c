namespace HaSim.Reports.Output;

/// <summary>
/// Replaces a directory as a whole: its new content is written into a temporary directory beside it,
/// which then takes its place by renames, so a reader sees the old directory or the new one, never a mix.
/// </summary>
public static class AtomicDirectory
{
    /// <summary>Fills a fresh directory with <paramref name="fill"/> and moves it to <paramref name="path"/>, replacing what was there.</summary>
    public static void Replace(string path, Action<string> fill)
    {
        ArgumentNullException.ThrowIfNull(fill);
        string full = Path.GetFullPath(path).TrimEnd(Path.DirectorySeparatorChar);
        string parent = Path.GetDirectoryName(full)!;
        string name = Path.GetFileName(full);
        Directory.CreateDirectory(parent);
        string staging = Path.Combine(parent, $".{name}.{Environment.ProcessId}.tmp");
        string old = Path.Combine(parent, $".{name}.{Environment.ProcessId}.old");
        DeleteIfExists(staging);
        DeleteIfExists(old);
        try
        {
            Directory.CreateDirectory(staging);
            fill(staging);
            if (Directory.Exists(full))
            {
                Directory.Move(full, old);
            }

            try
            {
                Directory.Move(staging, full);
            }
            catch
            {
                if (Directory.Exists(old) && !Directory.Exists(full))
                {
                    Directory.Move(old, full); // put the previous content back
                }

                throw;
            }
        }
        finally
        {
            DeleteIfExists(staging);
            DeleteIfExists(old);
        }
    }

    private static void DeleteIfExists(string path)
    {
        if (Directory.Exists(path))
        {
            Directory.Delete(path, recursive: true);
        }
    }
}
