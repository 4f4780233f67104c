using System.Text.Json;
using HaSim.Scenarios.Diagnostics;

namespace HaSim.Analysis.Budgets;

/// <summary>Where a budgets file's baselines live and how they are read: one <c>NAME.json</c> per budget in one folder.</summary>
public static class BaselineStore
{
    /// <summary>The committed baselines folder of <paramref name="file"/>: <c>results/baselines/&lt;file name&gt;</c>, from the working directory.</summary>
    public static string DefaultDirectory(BudgetFile file)
    {
        ArgumentNullException.ThrowIfNull(file);
        return Path.Combine("results", "baselines", file.Name);
    }

    /// <summary>The baseline file of <paramref name="budget"/> in <paramref name="directory"/>.</summary>
    public static string PathOf(string directory, Budget budget)
    {
        ArgumentNullException.ThrowIfNull(directory);
        ArgumentNullException.ThrowIfNull(budget);
        return Path.Combine(directory, budget.Name + ".json");
    }

    /// <summary>Reads the baseline at <paramref name="path"/>, or null if there is none.</summary>
    /// <exception cref="ScenarioException">The file exists but is not a valid baseline (naming the file).</exception>
    public static Baseline? Read(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (!File.Exists(path))
        {
            return null;
        }

        try
        {
            return Baseline.Parse(File.ReadAllText(path));
        }
        catch (JsonException e)
        {
            throw new ScenarioException(new ScenarioDiagnostic(path, 0, 0, "", $"not a valid {Baseline.Format} file: {e.Message}", "regenerate it with 'hasim baseline update'"));
        }
    }
}
