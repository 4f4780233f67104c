using HaSim.Analysis.Budgets;
using HaSim.Reports.Output;

namespace HaSim.Reports.Budgets;

/// <summary>Writes a budgets file's baselines as one set: one file per budget, replacing the folder as a whole (baselines of budgets the file no longer has go with the old set).</summary>
public static class BaselineFiles
{
    /// <summary>Checks that <paramref name="directory"/> can take a new set of baselines, before any budget is measured.</summary>
    /// <exception cref="OutputPathException">It cannot.</exception>
    public static ResultFolder Prepare(string directory)
    {
        ArgumentNullException.ThrowIfNull(directory);
        return ResultFolder.Create(directory, ownsFile: f => f.EndsWith(".json", StringComparison.Ordinal));
    }

    /// <summary>
    /// Writes the baseline of every outcome (made by HaSim <paramref name="version"/>) into
    /// <paramref name="folder"/> and commits it; returns the files written and the earlier baselines
    /// the new set no longer has.
    /// </summary>
    public static (IReadOnlyList<string> Written, IReadOnlyList<string> Removed) Write(ResultFolder folder, CheckResult result, string version)
    {
        ArgumentNullException.ThrowIfNull(folder);
        ArgumentNullException.ThrowIfNull(result);
        string directory = folder.Display;
        var files = result.Outcomes.Select(o => (Path: BaselineStore.PathOf(directory, o.Budget), Text: Baseline.From(o, version).ToJsonText())).ToList();
        foreach (var (path, text) in files)
        {
            folder.WriteText(Path.GetFileName(path), text);
        }

        var keep = new HashSet<string>(files.Select(f => Path.GetFileName(f.Path)), StringComparer.Ordinal) { ResultFolder.ManifestFile };
        var removed = Directory.Exists(directory)
            ? Directory.EnumerateFiles(directory, "*.json").Where(old => !keep.Contains(Path.GetFileName(old))).Order(StringComparer.Ordinal).ToList()
            : [];
        folder.Commit();
        return ([.. files.Select(f => f.Path)], removed);
    }
}
