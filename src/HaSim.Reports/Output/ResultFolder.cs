using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using HaSim.Analysis;

namespace HaSim.Reports.Output;

/// <summary>An output destination that cannot be used (empty, a filesystem root, a file, not writable, holding other files); found before any work is done.</summary>
public sealed class OutputPathException(string message, Exception? inner = null) : Exception(message, inner);

/// <summary>
/// One result set written as a whole or not at all. <see cref="Create"/> checks the destination and
/// makes a hidden folder beside it (so an unwritable destination is found before the run); files are
/// written there; <see cref="Commit"/> adds <see cref="ManifestFile"/> (every file with its size and
/// SHA-256) and moves the folder into place in one step, exchanging it with the previous result on
/// Linux (<c>renameat2(RENAME_EXCHANGE)</c>). Any interruption before then leaves the previous result
/// untouched, and disposing an uncommitted folder deletes it; a folder left by a killed process is
/// cleaned up (or the previous result restored) the next time the same destination is written.
/// </summary>
/// <remarks>
/// A destination that already exists is replaced only if it is empty or a HaSim result folder (a
/// manifest, or only HaSim's file names); sub-folders the new result does not write (such as
/// <c>monte-carlo/</c> inside a scripted run's folder) are kept. Not thread-safe.
/// </remarks>
public sealed class ResultFolder : IDisposable
{
    /// <summary>The manifest written last into every result folder.</summary>
    public const string ManifestFile = "manifest.json";

    /// <summary>The manifest's format id.</summary>
    public const string ManifestFormat = "hasim.result-manifest/1";

    /// <summary>The longest folder name <see cref="Slug"/> gives.</summary>
    public const int MaxSlugLength = 80;

    private const string TempMarker = ".hasim-tmp-";
    private const string OldMarker = ".hasim-old-";
    private static int _counter;

    private readonly string _temp;
    private readonly SortedDictionary<string, (long Bytes, string Sha256)> _files = new(StringComparer.Ordinal);
    private readonly Func<Stream, Stream>? _wrap;
    private bool _committed;

    private ResultFolder(string display, string destination, string temp, Func<Stream, Stream>? wrap)
    {
        Display = display;
        Destination = destination;
        _temp = temp;
        _wrap = wrap;
    }

    /// <summary>File names HaSim wrote before result folders had manifests; a folder holding only these may be replaced.</summary>
    public static IReadOnlySet<string> KnownFileNames { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        ManifestFile, "summary.json", "incidents.csv", "stages.csv", "incidents.parquet", "trace.jsonl", "timeline.txt", "report.txt", "partial.json", "comparison.json", "report.html",
        "fleet-summary.json", "fleet-report.txt", "recovery-curve.csv", "fleet-incidents.csv", "recovery-steps.csv", "fleet-partial.json",
    };

    /// <summary>The destination as the user wrote it, for messages.</summary>
    public string Display { get; }

    /// <summary>The destination's full path.</summary>
    public string Destination { get; }

    /// <summary>The hidden folder the result set is written into until <see cref="Commit"/> (to read back what was written, e.g. for a report).</summary>
    public string StagingPath => _temp;

    /// <summary>The relative paths written so far.</summary>
    public IEnumerable<string> Files => _files.Keys;

    /// <summary>
    /// Checks <paramref name="destination"/> and prepares a temporary folder beside it. Call before the
    /// run, so a destination that cannot be written is reported before any work is done.
    /// </summary>
    /// <param name="destination">The folder the result set goes to.</param>
    /// <param name="wrap">Wraps each file's stream (tests use it to simulate a full disk).</param>
    /// <param name="ownsFile">Further top-level file names (beside HaSim's) that a folder without a manifest may hold and still be replaced, such as a baselines folder's <c>*.json</c>.</param>
    /// <exception cref="OutputPathException">The destination cannot be used.</exception>
    public static ResultFolder Create(string destination, Func<Stream, Stream>? wrap = null, Func<string, bool>? ownsFile = null)
    {
        string full = CheckDestination(destination);
        string parent = Path.GetDirectoryName(full)!;
        string name = Path.GetFileName(full);
        try
        {
            Directory.CreateDirectory(parent);
            Recover(parent, name);
            CheckReplaceable(destination, full, ownsFile);
            string temp = Path.Combine(parent, string.Create(CultureInfo.InvariantCulture, $".{name}{TempMarker}{Environment.ProcessId}-{Interlocked.Increment(ref _counter)}"));
            Directory.CreateDirectory(temp);
            return new ResultFolder(destination, full, temp, wrap);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new OutputPathException($"cannot write to '{destination}': {e.Message}", e);
        }
    }

    /// <summary>
    /// A folder name derived from <paramref name="name"/> that cannot choose a path: ASCII letters,
    /// digits, '-', '_' and '.' only (anything else becomes '-'), no leading dot (so never '.' or
    /// '..'), at most <see cref="MaxSlugLength"/> characters, "scenario" if nothing is left.
    /// </summary>
    public static string Slug(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var sb = new StringBuilder(Math.Min(name.Length, MaxSlugLength));
        foreach (char c in name)
        {
            char safe = char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' ? c : '-';
            if (safe == '-' && sb.Length > 0 && sb[^1] == '-')
            {
                continue;
            }

            sb.Append(safe);
            if (sb.Length == MaxSlugLength)
            {
                break;
            }
        }

        string slug = sb.ToString().TrimStart('.', '-').TrimEnd('-');
        return slug.Length == 0 ? "scenario" : slug;
    }

    /// <summary>
    /// The full path of <paramref name="destination"/> if a result folder may go there: not empty, not a
    /// filesystem root, not the working directory or a folder containing it, not a file or a link.
    /// </summary>
    /// <exception cref="OutputPathException">It may not.</exception>
    public static string CheckDestination(string destination)
    {
        ArgumentNullException.ThrowIfNull(destination);
        if (string.IsNullOrWhiteSpace(destination))
        {
            throw new OutputPathException("the output directory is empty; give a directory such as out/run-1");
        }

        string full;
        try
        {
            full = Path.TrimEndingDirectorySeparator(Path.GetFullPath(destination));
        }
        catch (Exception e) when (e is ArgumentException or NotSupportedException or PathTooLongException)
        {
            throw new OutputPathException($"'{Printable(destination)}' is not a usable directory name", e);
        }

        if (Path.GetPathRoot(full) is { } root && Path.TrimEndingDirectorySeparator(root) == full)
        {
            throw new OutputPathException($"'{destination}' is a filesystem root; give a directory below it, such as {Path.Combine(full, "hasim-results")}");
        }

        string cwd = Path.TrimEndingDirectorySeparator(Directory.GetCurrentDirectory());
        if (cwd == full || cwd.StartsWith(full + Path.DirectorySeparatorChar, StringComparison.Ordinal))
        {
            throw new OutputPathException($"'{destination}' is the working directory or contains it, and a result folder is replaced as a whole; give a new directory such as out/run-1");
        }

        if (File.Exists(full))
        {
            throw new OutputPathException($"'{destination}' is a file; give a directory");
        }

        if (Directory.Exists(full) && new DirectoryInfo(full).LinkTarget is not null)
        {
            throw new OutputPathException($"'{destination}' is a symbolic link; give the directory it points to, or a new one");
        }

        return full;
    }

    /// <summary>Writes <paramref name="text"/> (UTF-8, no BOM) as <paramref name="relativePath"/> in the result set.</summary>
    /// <exception cref="IOException">The file could not be written (a full disk, for example).</exception>
    public void WriteText(string relativePath, string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        WriteBytes(relativePath, new UTF8Encoding(false).GetBytes(text));
    }

    /// <summary>Writes <paramref name="bytes"/> as <paramref name="relativePath"/> (forward slashes, no '..') in the result set.</summary>
    /// <exception cref="IOException">The file could not be written (a full disk, for example).</exception>
    public void WriteBytes(string relativePath, byte[] bytes)
    {
        ArgumentNullException.ThrowIfNull(relativePath);
        ArgumentNullException.ThrowIfNull(bytes);
        ObjectDisposedException.ThrowIf(_committed, this);
        var parts = relativePath.Split('/');
        if (relativePath.Length == 0 || Path.IsPathRooted(relativePath) || parts.Any(p => p.Length == 0 || p == "." || p == ".." || p.Contains('\\', StringComparison.Ordinal))
            || relativePath == ManifestFile || !_files.TryAdd(relativePath, (bytes.Length, Convert.ToHexStringLower(SHA256.HashData(bytes)))))
        {
            throw new ArgumentException($"'{relativePath}' is not a new relative path inside the result set.", nameof(relativePath));
        }

        string path = Path.Combine(_temp, Path.Combine(parts));
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        WriteFile(path, bytes);
    }

    /// <summary>
    /// Writes the manifest and moves the result set into place as one step. Not interrupted by
    /// cancellation: once begun, it completes (or fails and leaves the previous result).
    /// </summary>
    /// <exception cref="IOException">The manifest could not be written or the folder not moved; the previous result is untouched.</exception>
    public void Commit()
    {
        ObjectDisposedException.ThrowIf(_committed, this);
        WriteManifest();
        string name = Path.GetFileName(Destination);
        string parent = Path.GetDirectoryName(Destination)!;
        if (!Directory.Exists(Destination))
        {
            Directory.Move(_temp, Destination);
            _committed = true;
            return;
        }

        // Other results nested in the previous one move into the new folder first, so that the
        // exchange below is the only step that changes what the destination holds.
        foreach (var sub in CarriedOver(Destination))
        {
            Directory.Move(Path.Combine(Destination, sub), Path.Combine(_temp, sub));
        }

        if (RenameExchange.TryExchange(_temp, Destination))
        {
            _committed = true;
            TryDelete(_temp); // the previous result now lies where the new one was written
            return;
        }

        string old = Path.Combine(parent, string.Create(CultureInfo.InvariantCulture, $".{name}{OldMarker}{Environment.ProcessId}-{Interlocked.Increment(ref _counter)}"));
        Directory.Move(Destination, old);
        Directory.Move(_temp, Destination);
        _committed = true;
        TryDelete(old);
    }

    /// <summary>Deletes the temporary folder unless the result set was committed.</summary>
    public void Dispose()
    {
        if (!_committed)
        {
            _committed = true;
            TryDelete(_temp);
        }
    }

    /// <summary>Reads the manifest of <paramref name="folder"/>: relative path to (bytes, SHA-256 hex), or null if it has none.</summary>
    /// <exception cref="FormatException">The manifest is not a valid one.</exception>
    public static IReadOnlyDictionary<string, (long Bytes, string Sha256)>? ReadManifest(string folder)
    {
        ArgumentNullException.ThrowIfNull(folder);
        string path = Path.Combine(folder, ManifestFile);
        if (!File.Exists(path))
        {
            return null;
        }

        try
        {
            var json = JsonNode.Parse(HaSim.Scenarios.Input.BoundedTextFile.Read(path, 1 << 20)) as JsonObject;
            if (json?["format"]?.GetValue<string>() != ManifestFormat || json["files"] is not JsonArray files)
            {
                throw new FormatException($"{path}: not a {ManifestFormat} file.");
            }

            var entries = new Dictionary<string, (long, string)>(StringComparer.Ordinal);
            foreach (var f in files.OfType<JsonObject>())
            {
                entries[f["path"]!.GetValue<string>()] = (f["bytes"]!.GetValue<long>(), f["sha256"]!.GetValue<string>());
            }

            return entries;
        }
        catch (Exception e) when (e is System.Text.Json.JsonException or InvalidOperationException or NullReferenceException or HaSim.Scenarios.Input.InputFileException)
        {
            throw new FormatException($"{path}: not a valid manifest: {e.Message}", e);
        }
    }

    private void WriteManifest()
    {
        var files = new JsonArray();
        foreach (var (path, (bytes, sha)) in _files)
        {
            files.Add(new JsonObject { ["path"] = path, ["bytes"] = bytes, ["sha256"] = sha });
        }

        var json = new JsonObject { ["format"] = ManifestFormat, ["files"] = files };
        string path2 = Path.Combine(_temp, ManifestFile);
        WriteFile(path2, new UTF8Encoding(false).GetBytes(JsonText.Write(json)));
    }

    private void WriteFile(string path, byte[] bytes)
    {
        using var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None);
        var stream = _wrap?.Invoke(file) ?? file;
        stream.Write(bytes);
        stream.Flush();
        file.Flush(flushToDisk: true);
    }

    /// <summary>The sub-folders of the previous result that are not part of its result set (other results nested inside), which the new one keeps.</summary>
    private List<string> CarriedOver(string previous)
    {
        var owned = OwnedTopLevel(previous);
        var written = _files.Keys.Select(k => k.Split('/')[0]).ToHashSet(StringComparer.Ordinal);
        return [.. Directory.EnumerateDirectories(previous).Select(Path.GetFileName).OfType<string>()
            .Where(d => !d.StartsWith('.') && !written.Contains(d) && owned?.Contains(d) != true)];
    }

    private static HashSet<string>? OwnedTopLevel(string folder)
    {
        try
        {
            return ReadManifest(folder)?.Keys.Select(k => k.Split('/')[0]).ToHashSet(StringComparer.Ordinal);
        }
        catch (FormatException)
        {
            return null;
        }
    }

    /// <summary>Refuses to replace a folder that holds files HaSim did not write.</summary>
    private static void CheckReplaceable(string display, string full, Func<string, bool>? ownsFile)
    {
        if (!Directory.Exists(full))
        {
            return;
        }

        IReadOnlyDictionary<string, (long, string)>? manifest;
        try
        {
            manifest = ReadManifest(full);
        }
        catch (FormatException e)
        {
            throw new OutputPathException($"'{display}' holds a damaged {ManifestFile}; remove it or give another directory", e);
        }

        var foreign = Directory.EnumerateFiles(full).Select(Path.GetFileName).OfType<string>()
            .Where(f => !KnownFileNames.Contains(f) && manifest?.ContainsKey(f) != true && ownsFile?.Invoke(f) != true)
            .Order(StringComparer.Ordinal).Take(4).ToList();
        if (foreign.Count > 0)
        {
            throw new OutputPathException(
                $"'{display}' holds files HaSim did not write ({string.Join(", ", foreign.Take(3))}{(foreign.Count > 3 ? ", ..." : "")}), and a result folder is replaced as a whole; give a new or empty directory");
        }
    }

    /// <summary>
    /// Cleans up after a process that was killed while writing into <paramref name="parent"/>/<paramref name="name"/>:
    /// a previous result moved aside comes back if the destination is missing; results nested in a
    /// complete new one (it has its manifest) go back into the destination; the rest is deleted.
    /// </summary>
    private static void Recover(string parent, string name)
    {
        string prefix = "." + name;
        string destination = Path.Combine(parent, name);
        var stale = Directory.EnumerateDirectories(parent, prefix + ".hasim-*").Select(Path.GetFileName).OfType<string>()
            .Where(leaf => (leaf.StartsWith(prefix + TempMarker, StringComparison.Ordinal) || leaf.StartsWith(prefix + OldMarker, StringComparison.Ordinal))
                && !OwnerAlive(leaf[(prefix.Length + TempMarker.Length)..]))
            .OrderBy(leaf => leaf.StartsWith(prefix + OldMarker, StringComparison.Ordinal) ? 0 : 1)
            .ToList();
        foreach (var leaf in stale)
        {
            string entry = Path.Combine(parent, leaf);
            if (leaf.StartsWith(prefix + OldMarker, StringComparison.Ordinal) && !Directory.Exists(destination))
            {
                Directory.Move(entry, destination);
                continue;
            }

            if (Directory.Exists(destination) && OwnedTopLevel(entry) is { } owned)
            {
                foreach (var sub in Directory.EnumerateDirectories(entry).Select(Path.GetFileName).OfType<string>().Where(d => !d.StartsWith('.') && !owned.Contains(d)))
                {
                    if (!Directory.Exists(Path.Combine(destination, sub)) && !File.Exists(Path.Combine(destination, sub)))
                    {
                        Directory.Move(Path.Combine(entry, sub), Path.Combine(destination, sub));
                    }
                }
            }

            TryDelete(entry);
        }
    }

    private static bool OwnerAlive(string pidAndCounter)
    {
        int dash = pidAndCounter.IndexOf('-', StringComparison.Ordinal);
        if (dash <= 0 || !int.TryParse(pidAndCounter.AsSpan(0, dash), NumberStyles.None, CultureInfo.InvariantCulture, out int pid))
        {
            return true; // not ours to judge
        }

        if (pid == Environment.ProcessId)
        {
            return true;
        }

        try
        {
            using var process = Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException)
        {
            return false;
        }
    }

    private static void TryDelete(string folder)
    {
        try
        {
            if (Directory.Exists(folder))
            {
                Directory.Delete(folder, recursive: true);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Left for the next write to the same destination to clean up.
        }
    }

    private static string Printable(string text) => new([.. text.Select(c => char.IsControl(c) ? '?' : c)]);
}
