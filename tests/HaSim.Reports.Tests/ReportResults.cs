using HaSim.Analysis.MonteCarlo;
using HaSim.Reports.MonteCarlo;
using HaSim.Reports.Output;
using HaSim.Reports.Pages;
using HaSim.Scenarios.Binding;
using HaSim.Scenarios.Running;

namespace HaSim.Reports.Tests;

/// <summary>
/// Real results folders, made once for all report tests: a scripted AZ outage, a Monte Carlo run that
/// loses data (aiven-startup restores from snapshots), and a comparison; each with its report written.
/// </summary>
public sealed class ReportResults : IDisposable
{
    public ReportResults()
    {
        Root = Path.Combine(Path.GetTempPath(), $"hasim-report-tests-{Environment.ProcessId}");
        if (Directory.Exists(Root))
        {
            Directory.Delete(Root, recursive: true);
        }

        var scripted = ScenarioLoader.Load(Path.Combine(RepoRoot, "scenarios", "serverless", "az-outage.yaml"));
        Written(Scripted, f => ScriptedRunOutput.Write(f, ScenarioRunner.Run(scripted, checkInvariants: true)));

        var startup = Preset("aiven-startup");
        var settings = MonteCarloSettings.For(startup, 5, 40, 3);
        Written(MonteCarlo, f => MonteCarloOutput.WriteSummary(f, MonteCarloRunner.Run(startup, settings, ShardSpec.Whole, 2, checkInvariants: true).Summarise(Identity(startup))));

        var a = Preset("serverless");
        var b = Preset("aiven-business");
        Written(Comparison, f => MonteCarloOutput.WriteComparison(f, ComparisonRunner.Run([a, b], 2, 30, 5, 2).Summarise([Identity(a), Identity(b)])));

        Options = new ReportOptions(BudgetSeconds: 120);
        ScriptedReport = ResultsReport.Write(Scripted, Options);
        MonteCarloReport = ResultsReport.Write(MonteCarlo, Options);
        ComparisonReport = ResultsReport.Write(Comparison, Options);
    }

    public static string RepoRoot { get; } = FindRoot();

    public string Root { get; }

    public string Scripted => Path.Combine(Root, "scripted");

    public string MonteCarlo => Path.Combine(Root, "monte-carlo");

    public string Comparison => Path.Combine(Root, "compare");

    public ReportOptions Options { get; }

    public ReportFiles ScriptedReport { get; }

    public ReportFiles MonteCarloReport { get; }

    public ReportFiles ComparisonReport { get; }

    public IEnumerable<ReportFiles> All => [ScriptedReport, MonteCarloReport, ComparisonReport];

    public void Dispose()
    {
        if (Directory.Exists(Root))
        {
            Directory.Delete(Root, recursive: true);
        }
    }

    private static void Written(string directory, Action<ResultFolder> write)
    {
        using var folder = ResultFolder.Create(directory);
        write(folder);
        folder.Commit();
    }

    private static Scenario Preset(string preset) => ScenarioLoader.Parse($"preset: {preset}\n", $"{preset}.yaml");

    private static ScenarioIdentity Identity(Scenario s) => ScenarioIdentity.From(s, $"preset: {s.Preset.Name}\n");

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

/// <summary>Shares one <see cref="ReportResults"/> between the page tests and the browser tests.</summary>
[CollectionDefinition(Name)]
public sealed class ReportResultsCollection : ICollectionFixture<ReportResults>
{
    public const string Name = "report results";
}
