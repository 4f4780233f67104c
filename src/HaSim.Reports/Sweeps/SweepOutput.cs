using HaSim.Analysis.Sweeps;
using HaSim.Reports.Output;

namespace HaSim.Reports.Sweeps;

/// <summary>Writes a sweep's files into a result set (committed whole or not at all by its owner).</summary>
public static class SweepOutput
{
    /// <summary>Writes <c>sweep.csv</c>, <c>sweep.json</c> and <c>sweep.txt</c> into <paramref name="folder"/>.</summary>
    public static void Write(ResultFolder folder, SweepResult result)
    {
        ArgumentNullException.ThrowIfNull(folder);
        ArgumentNullException.ThrowIfNull(result);
        folder.WriteText(SweepFormat.CsvFile, SweepCsv.Write(result));
        folder.WriteText(SweepFormat.JsonFile, SweepJson.Write(result));
        folder.WriteText(SweepFormat.TextFile, SweepText.Render(result));
    }
}
