namespace HaSim.Cli.Tests;

/// <summary>Locates the repository (the folder holding HaSim.sln) so tests can read shipped files.</summary>
internal static class RepoPaths
{
    public static string Root { get; } = FindRoot();

    public static string Scenarios => Path.Combine(Root, "scenarios");

    public static string Golden => Path.Combine(Root, "tests", "HaSim.Cli.Tests", "golden");

    /// <summary>The shipped single-database scenarios (not budgets, not fleets).</summary>
    public static IEnumerable<string> ShippedScenarioFiles() =>
        Directory.EnumerateFiles(Scenarios, "*.yaml", SearchOption.AllDirectories)
            .Where(f => !f.Contains(Path.Combine("scenarios", "budgets"), StringComparison.Ordinal) && !f.Contains(Path.Combine("scenarios", "fleet"), StringComparison.Ordinal)
                && !f.Contains(Path.Combine("scenarios", "capacity"), StringComparison.Ordinal))
            .Select(f => Path.GetRelativePath(Root, f).Replace('\\', '/'))
            .Order(StringComparer.Ordinal);

    /// <summary>The shipped capacity-planning examples (sweeps with prices; no expectations, they are run by 'hasim sweep').</summary>
    public static IEnumerable<string> CapacityScenarioFiles() =>
        Directory.EnumerateFiles(Path.Combine(Scenarios, "capacity"), "*.yaml")
            .Select(f => Path.GetRelativePath(Root, f).Replace('\\', '/'))
            .Order(StringComparer.Ordinal);

    /// <summary>The shipped fleet scenarios.</summary>
    public static IEnumerable<string> FleetScenarioFiles() =>
        Directory.EnumerateFiles(Path.Combine(Scenarios, "fleet"), "*.yaml")
            .Select(f => Path.GetRelativePath(Root, f).Replace('\\', '/'))
            .Order(StringComparer.Ordinal);

    private static string FindRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "HaSim.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("HaSim.sln not found above the test binaries.");
    }
}
