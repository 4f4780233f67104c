using HaSim.Analysis.Budgets;
using HaSim.Model.Architectures;
using HaSim.Model.Presets;

namespace HaSim.Analysis.Tests.Budgets;

internal static class BudgetTestData
{
    public static string Root { get; } = FindRoot();

    /// <summary>A budgets file read as if it were scenarios/test-budgets.yaml, so scenario paths are relative to scenarios/.</summary>
    public static BudgetFile File(string yaml) => BudgetFileLoader.Parse(yaml, Path.Combine(Root, "scenarios", "test-budgets.yaml"));

    public static ArchitectureDescriptor Architecture(string preset) => PresetCatalog.Find(preset)!.Architecture;

    public static string TempDirectory()
    {
        string dir = Path.Combine(Path.GetTempPath(), "hasim-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        return dir;
    }

    private static string FindRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !System.IO.File.Exists(Path.Combine(dir.FullName, "HaSim.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("HaSim.sln not found above the test binaries.");
    }
}
