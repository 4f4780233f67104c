using HaSim.Analysis.Fleet;
using HaSim.Analysis.MonteCarlo;
using HaSim.Reports.Fleet;
using HaSim.Reports.MonteCarlo;
using HaSim.Reports.Output;
using HaSim.Reports.Pages;
using HaSim.Scenarios.Binding;
using HaSim.Scenarios.Fleet;
using HaSim.Scenarios.Running;

namespace HaSim.Reports.Tests;

/// <summary>
/// Real results folders, made once for all report tests: a scripted AZ outage, a Monte Carlo run that
/// loses data (aiven-startup restores from snapshots), a comparison and a small fleet losing an AZ; each with its report written.
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

        string sweepFile = Path.Combine(Root, "sweep-fleet.yaml");
        File.WriteAllText(sweepFile, SweepFleet);
        var subject = Analysis.Sweeps.SweepSubject.Load(sweepFile);
        var parameters = new[] { Analysis.Sweeps.SweepParameter.Parse("compute.spare_slots_per_az=0,4,8") };
        var goal = Analysis.Budgets.GoalParser.Parse("max client_rto <= 4 min", "--goal", subject.Architecture);
        var request = new Analysis.Sweeps.SweepRequest(subject, parameters, Analysis.Sweeps.SweepMode.Grid, [goal.Figure], goal, null, 4, 1, 2);
        var sweep = Analysis.Sweeps.SweepRunner.Run(request, subject.Configure(Analysis.Sweeps.SweepPlan.Points(parameters, Analysis.Sweeps.SweepMode.Grid)));
        Written(Sweep, f => Sweeps.SweepOutput.Write(f, sweep));

        var fleet = FleetScenarioLoader.Parse(FleetText, "small-fleet.yaml");
        var fleetSettings = FleetSettings.For(fleet, null, 3, 5);
        Written(Fleet, f => FleetOutput.Write(f, FleetRunner.Run(fleet, fleetSettings, ShardSpec.Whole, 2, checkInvariants: true).Summarise(FleetIdentity.From(fleet, FleetText))));

        Options = new ReportOptions(BudgetSeconds: 120);
        ScriptedReport = ResultsReport.Write(Scripted, Options);
        MonteCarloReport = ResultsReport.Write(MonteCarlo, Options);
        ComparisonReport = ResultsReport.Write(Comparison, Options);
        SweepReport = ResultsReport.Write(Sweep, Options);
        FleetReport = ResultsReport.Write(Fleet, Options);
    }

    /// <summary>A small fleet losing az-1: 24 serverless endpoints and 6 zone-redundant servers sharing warm pools, slots and the control plane.</summary>
    public const string FleetText = """
        name: small-fleet
        fleet:
          groups:
            - {name: web, preset: serverless, count: 24}
            - {name: db, preset: azure-zone-redundant-ha, count: 6}
          capacity:
            compute.warm_pool_per_az: 2
            control_plane.concurrency: 2
        timeline:
          - {at: 10 min, target: az-1, fault: outage, duration: 1 h}
        """;

    public static string RepoRoot { get; } = FindRoot();

    public string Root { get; }

    public string Scripted => Path.Combine(Root, "scripted");

    public string MonteCarlo => Path.Combine(Root, "monte-carlo");

    public string Comparison => Path.Combine(Root, "compare");

    /// <summary>A fleet sweep with prices: 30 endpoints, spare slots 0, 4, 8 (az-1's 10 computes fit at 8).</summary>
    public string Sweep => Path.Combine(Root, "sweep");

    public string Fleet => Path.Combine(Root, "fleet");

    public ReportOptions Options { get; }

    public ReportFiles ScriptedReport { get; }

    public ReportFiles MonteCarloReport { get; }

    public ReportFiles ComparisonReport { get; }

    public ReportFiles SweepReport { get; }

    public ReportFiles FleetReport { get; }

    public IEnumerable<ReportFiles> All => [ScriptedReport, MonteCarloReport, ComparisonReport, SweepReport, FleetReport];

    private const string SweepFleet = """
        name: sweep-report
        fleet:
          groups:
            - {name: endpoints, preset: serverless, count: 30}
          capacity:
            compute.spare_slots_per_az: 0
            compute.warm_pool_per_az: 0
        timeline:
          - {at: 10 min, target: az-1, fault: outage, duration: 1 h}
        cost:
          prices: example
          currency: USD
          server_vm_per_hour: 0.04
          spare_slot_per_hour: 0.01
        """;

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
