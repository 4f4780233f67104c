using HaSim.Analysis.Budgets;
using HaSim.Reports.Output;

namespace HaSim.Reports.Budgets;

/// <summary>Writes a budgets file's baselines: one file per budget, each atomically, and removes baselines of budgets the file no longer has.</summary>
public static class BaselineFiles
{
    /// <summary>
    /// Writes the baseline of every outcome into <paramref name="directory"/> (made by HaSim
    /// <paramref name="version"/>), all computed before the first is written; returns the files written
    /// and the orphaned baselines removed.
    /// </summary>
    public static (IReadOnlyList<string> Written, IReadOnlyList<string> Removed) Write(string directory, CheckResult result, string version)
    {
        ArgumentNullException.ThrowIfNull(directory);
        ArgumentNullException.ThrowIfNull(result);
        var files = result.Outcomes.Select(o => (Path: BaselineStore.PathOf(directory, o.Budget), Text: Baseline.From(o, version).ToJsonText())).ToList();
        foreach (var (path, text) in files)
        {
            AtomicFile.WriteAllText(path, text);
        }

        var keep = new HashSet<string>(files.Select(f => Path.GetFullPath(f.Path)), StringComparer.Ordinal);
        var removed = new List<string>();
        foreach (var old in Directory.EnumerateFiles(directory, "*.json").Order(StringComparer.Ordinal))
        {
            if (!keep.Contains(Path.GetFullPath(old)))
            {
                File.Delete(old);
                removed.Add(old);
            }
        }

        return ([.. files.Select(f => f.Path)], removed);
    }
}
