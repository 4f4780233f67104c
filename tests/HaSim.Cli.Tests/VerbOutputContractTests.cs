using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using HaSim.Analysis;
using HaSim.Cli.Tests.Fuzz;
using HaSim.Reports.Output;

namespace HaSim.Cli.Tests;

/// <summary>
/// The verbs beside scripted and Monte Carlo runs keep the same contract: fleet runs (replay,
/// replications, shards, merge), replays over seeds, rare-event estimates, reports and baselines
/// write complete result sets (with a manifest) or nothing, check where they go before the run,
/// stop on an interruption with nothing written, slug default folder names, and refuse work over
/// the budget and tampered fleet partials with exit 2.
/// </summary>
[Collection(FuzzCollection.Name)]
public class VerbOutputContractTests
{
    private const string Fleet = """
        name: ../../tiny fleet
        fleet:
          groups:
            - {name: web, preset: serverless, count: 12}
            - {name: db, preset: azure-zone-redundant-ha, count: 6}
        timeline:
          - {at: 10 min, target: az-1, fault: outage, duration: 1 h}
        """;

    private const string Scripted = "name: ../x/replayed\npreset: aiven-business\ntimeline:\n  - {at: 10 min, target: primary, fault: fail}\n";

    private static string Write(string dir, string name, string text)
    {
        string file = Path.Combine(dir, name);
        File.WriteAllText(file, text);
        return file;
    }

    private static void NoTemporaryFolders(string dir) => Assert.Empty(Directory.EnumerateFileSystemEntries(dir, ".*", SearchOption.AllDirectories));

    [Fact]
    public void Every_fleet_result_set_is_complete_with_its_manifest_in_a_slugged_default_folder()
    {
        string dir = CliHarness.TempDirectory();
        Write(dir, "f.yaml", Fleet);
        var replay = OutputSafetyTests.InDirectory(dir, "run", "f.yaml", "--seed", "3");
        Assert.True(replay.Exit == 0, replay.Err);
        string folder = Path.Combine(dir, "results", "tiny-fleet");
        OutputSafetyTests.AssertComplete(folder, OutputSafetyTests.Snapshot(folder));
        Assert.Equal(["fleet-incidents.csv", "fleet-report.txt", "fleet-summary.json", "recovery-curve.csv", "recovery-steps.csv"], ResultFolder.ReadManifest(folder)!.Keys.Order(StringComparer.Ordinal));

        var reps = OutputSafetyTests.InDirectory(dir, "run", "f.yaml", "--replications", "3", "--threads", "1", "--quiet");
        Assert.True(reps.Exit == 0, reps.Err);
        string nested = Path.Combine(folder, "replications");
        OutputSafetyTests.AssertComplete(nested, OutputSafetyTests.Snapshot(nested));

        // The replay's folder is rewritten with its nested result kept.
        var again = OutputSafetyTests.InDirectory(dir, "run", "f.yaml", "--seed", "4");
        Assert.True(again.Exit == 0, again.Err);
        Assert.True(File.Exists(Path.Combine(nested, "fleet-summary.json")));
        Assert.Equal(["f.yaml", "results"], Directory.EnumerateFileSystemEntries(dir).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        Assert.Equal(["tiny-fleet"], Directory.EnumerateFileSystemEntries(Path.Combine(dir, "results")).Select(Path.GetFileName));
        NoTemporaryFolders(dir);
    }

    [Fact]
    public void Replays_and_rare_events_write_complete_sets_in_slugged_default_folders()
    {
        string dir = CliHarness.TempDirectory();
        Write(dir, "s.yaml", Scripted);
        var replays = OutputSafetyTests.InDirectory(dir, "run", "s.yaml", "--replications", "5", "--quiet");
        Assert.True(replays.Exit is 0 or 1, replays.Err);
        string folder = Path.Combine(dir, "results", "x-replayed", "replays");
        OutputSafetyTests.AssertComplete(folder, OutputSafetyTests.Snapshot(folder));
        Assert.Equal(["report.txt", "summary.json"], ResultFolder.ReadManifest(folder)!.Keys.Order(StringComparer.Ordinal));

        Write(dir, "r.yaml", "name: ../x/rare\npreset: serverless\n");
        var rare = OutputSafetyTests.InDirectory(dir, "run", "r.yaml", "--years", "1", "--rare", "incident", "--replications", "20", "--quiet");
        Assert.True(rare.Exit == 0, rare.Err);
        string rareFolder = Path.Combine(dir, "results", "x-rare", "rare-event", "incident");
        OutputSafetyTests.AssertComplete(rareFolder, OutputSafetyTests.Snapshot(rareFolder));
        Assert.Equal(["r.yaml", "results", "s.yaml"], Directory.EnumerateFileSystemEntries(dir).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        NoTemporaryFolders(dir);
    }

    [Theory]
    [InlineData("fleet")]
    [InlineData("fleet-replications")]
    [InlineData("replays")]
    [InlineData("rare")]
    public void An_interruption_writes_nothing_and_keeps_the_previous_result(string kind)
    {
        string dir = CliHarness.TempDirectory();
        string fleet = Write(dir, "f.yaml", Fleet);
        string scripted = Write(dir, "s.yaml", Scripted);
        string output = Path.Combine(dir, "out");
        string[] args = kind switch
        {
            "fleet" => ["run", fleet, "--out", output],
            "fleet-replications" => ["run", fleet, "--replications", "2", "--quiet", "--out", output],
            "replays" => ["run", scripted, "--replications", "3", "--quiet", "--out", output],
            _ => ["run", scripted, "--years", "1", "--rare", "incident", "--replications", "10", "--quiet", "--out", output],
        };
        Assert.True(Contract.Run(args).Exit is 0 or 1);
        var before = OutputSafetyTests.Snapshot(output);
        foreach (int code in new[] { ExitCodes.Cancelled, ExitCodes.Terminated })
        {
            using var interruption = Interruption.Manual();
            interruption.Request(code);
            var error = new StringWriter();
            Assert.Equal(code, HasimCli.Run([.. args, "--seed", "9"], new StringWriter(), error, interruption));
            Assert.Contains("no new results were written", error.ToString(), StringComparison.Ordinal);
            Assert.Equal(before, OutputSafetyTests.Snapshot(output));
            NoTemporaryFolders(dir);
        }
    }

    [Fact]
    public void An_unusable_destination_is_refused_before_any_fleet_or_replay_work()
    {
        string dir = CliHarness.TempDirectory();
        string fleet = Write(dir, "f.yaml", Fleet);
        string scripted = Write(dir, "s.yaml", Scripted);
        string notes = Path.Combine(dir, "notes");
        Directory.CreateDirectory(notes);
        File.WriteAllText(Path.Combine(notes, "mine.txt"), "keep me");
        long runs = HaSim.Scenarios.Running.WorkCounters.Runs;
        long events = HaSim.Scenarios.Running.WorkCounters.Events;
        foreach (var args in new[]
        {
            new[] { "run", fleet, "--out", notes },
            ["run", fleet, "--replications", "2", "--out", Path.Combine(fleet, "x")],
            ["run", scripted, "--replications", "2", "--out", notes],
            ["run", scripted, "--years", "1", "--rare", "incident", "--out", notes],
        })
        {
            var o = Contract.Run(args);
            Assert.True(o.Exit == ExitCodes.BadInput, string.Join(' ', args) + "\n" + o.Err);
            Assert.Contains("--out:", o.Err, StringComparison.Ordinal);
        }

        Assert.Equal("keep me", File.ReadAllText(Path.Combine(notes, "mine.txt")));
        Assert.Equal(events, HaSim.Scenarios.Running.WorkCounters.Events);
        Assert.Equal(runs, HaSim.Scenarios.Running.WorkCounters.Runs);
    }

    [Fact]
    public void Fleet_and_replay_runs_over_the_work_budget_are_refused_before_they_start()
    {
        string dir = CliHarness.TempDirectory();
        string fleet = Write(dir, "f.yaml", Fleet);
        string scripted = Write(dir, "s.yaml", Scripted);
        long events = HaSim.Scenarios.Running.WorkCounters.Events;

        // 18 databases x 1 scripted fault x 100 replications = 1800 faulted databases, over a budget of 1000.
        var fleetReplays = Contract.Run("run", fleet, "--replications", "100", "--max-events", "1000", "--no-files");
        Assert.Equal(ExitCodes.BadInput, fleetReplays.Exit);
        Assert.Contains("this fleet run expects about 1.8E+03 random failures and faulted databases", fleetReplays.Err, StringComparison.Ordinal);
        Assert.Contains("--max-events 1800", fleetReplays.Err, StringComparison.Ordinal);

        var shipped = Contract.Run("run", Path.Combine(RepoPaths.Root, "scenarios", "fleet", "serverless-200-years.yaml"), "--years", "100", "--replications", "100000", "--no-files");
        Assert.Equal(ExitCodes.BadInput, shipped.Exit);
        Assert.Contains("more than the budget of 1E+09", shipped.Err, StringComparison.Ordinal);

        var replays = Contract.Run("run", scripted, "--replications", "2000", "--max-events", "1000", "--no-files");
        Assert.Equal(ExitCodes.BadInput, replays.Exit);
        Assert.Contains("this run expects", replays.Err, StringComparison.Ordinal);
        Assert.Equal(events, HaSim.Scenarios.Running.WorkCounters.Events);

        var within = Contract.Run("run", fleet, "--replications", "2", "--max-events", "1000", "--no-files", "--quiet");
        Assert.Equal(0, within.Exit);
    }

    [Fact]
    public void Merge_refuses_an_edited_or_inconsistent_fleet_partial_naming_the_file()
    {
        string dir = CliHarness.TempDirectory();
        string fleet = Write(dir, "f.yaml", Fleet);
        string[] shards = [Path.Combine(dir, "s0"), Path.Combine(dir, "s1")];
        for (int i = 0; i < 2; i++)
        {
            Assert.Equal(0, Contract.Run("run", fleet, "--replications", "4", "--shard", $"{i}/2", "--quiet", "--out", shards[i]).Exit);
        }

        Assert.Equal(0, Contract.Run("merge", shards[0], shards[1], "--no-files").Exit);
        string file = Path.Combine(shards[0], "fleet-partial.json");
        string original = File.ReadAllText(file);
        var json = JsonNode.Parse(original)!.AsObject();
        Assert.StartsWith("sha256:", json["digest"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal("hasim.fleet-partial/2", json["format"]!.GetValue<string>());

        // An edited figure breaks the digest.
        File.WriteAllText(file, original.Replace("\"seed\": 1,", "\"seed\": 2,", StringComparison.Ordinal));
        Assert.NotEqual(original, File.ReadAllText(file));
        var edited = Contract.Run("merge", shards[0], shards[1], "--no-files");
        Assert.Equal(ExitCodes.BadInput, edited.Exit);
        Assert.Contains($"{file}: not a valid hasim.fleet-partial/2 file: its digest does not match its contents", edited.Err, StringComparison.Ordinal);

        // A negative count with a recomputed digest fails the consistency checks.
        var forged = JsonNode.Parse(original)!.AsObject();
        var peak = forged["accumulator"]!["events"]!.AsObject().First().Value!.AsObject();
        peak["unrecovered"] = -5;
        File.WriteAllText(file, Redigest(forged));
        var inconsistent = Contract.Run("merge", shards[0], shards[1], "--no-files");
        Assert.Equal(ExitCodes.BadInput, inconsistent.Exit);
        Assert.Contains("the accumulator is inconsistent (event kind", inconsistent.Err, StringComparison.Ordinal);

        // An older partial without a digest is named as such.
        var old = JsonNode.Parse(original)!.AsObject();
        old["format"] = "hasim.fleet-partial/1";
        old.Remove("digest");
        File.WriteAllText(file, JsonText.Write(old));
        Assert.Contains("written by an older hasim without a digest", Contract.Run("merge", shards[0], shards[1], "--no-files").Err, StringComparison.Ordinal);
    }

    private static string Redigest(JsonObject json)
    {
        json.Remove("digest");
        json["digest"] = "sha256:" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(JsonText.Write(json))));
        return JsonText.Write(json);
    }

    [Fact]
    public void A_report_goes_into_the_result_set_and_the_folder_can_be_rewritten()
    {
        string dir = CliHarness.TempDirectory();
        string fleet = Write(dir, "f.yaml", Fleet);
        string output = Path.Combine(dir, "out");
        var run = Contract.Run("run", fleet, "--out", output, "--report", "--budget", "5 min");
        Assert.True(run.Exit == 0, run.Err);
        Assert.Contains($"Wrote {output}/report.html and {output}/report-md/report.md", run.Out, StringComparison.Ordinal);
        var manifest = ResultFolder.ReadManifest(output)!;
        Assert.Contains("report.html", manifest.Keys);
        Assert.Contains("report-md/report.md", manifest.Keys);
        OutputSafetyTests.AssertComplete(output, OutputSafetyTests.Snapshot(output));

        // hasim report rewrites the folder as a whole, the results carried over unchanged.
        var results = OutputSafetyTests.Snapshot(output).Where(f => !f.Path.StartsWith("report", StringComparison.Ordinal) && f.Path != ResultFolder.ManifestFile).ToList();
        var report = Contract.Run("report", output);
        Assert.True(report.Exit == 0, report.Err);
        Assert.Contains("fleet run", report.Out, StringComparison.Ordinal);
        Assert.Equal(results, OutputSafetyTests.Snapshot(output).Where(f => !f.Path.StartsWith("report", StringComparison.Ordinal) && f.Path != ResultFolder.ManifestFile));
        OutputSafetyTests.AssertComplete(output, OutputSafetyTests.Snapshot(output));

        // A result file edited after the run is refused rather than carried into a new manifest.
        File.AppendAllText(Path.Combine(output, "fleet-report.txt"), "edited\n");
        var damaged = Contract.Run("report", output);
        Assert.Equal(ExitCodes.BadInput, damaged.Exit);
        Assert.Contains("does not match manifest.json", damaged.Err, StringComparison.Ordinal);

        // The folder (with its report) is replaced by the next run, and a report elsewhere is a set of its own.
        Assert.Equal(0, Contract.Run("run", fleet, "--out", output, "--seed", "2").Exit);
        Assert.DoesNotContain("report.html", ResultFolder.ReadManifest(output)!.Keys);
        Assert.False(File.Exists(Path.Combine(output, "report.html")));
        string elsewhere = Path.Combine(dir, "report");
        Assert.Equal(0, Contract.Run("report", output, "--out", elsewhere).Exit);
        Assert.Equal(["report-md", "report.html"], ResultFolder.ReadManifest(elsewhere)!.Keys.Select(k => k.Split('/')[0]).Distinct().Order(StringComparer.Ordinal));
        NoTemporaryFolders(dir);
    }

    [Fact]
    public void Report_is_refused_before_the_run_where_no_page_exists()
    {
        string dir = CliHarness.TempDirectory();
        string scripted = Write(dir, "s.yaml", Scripted);
        long events = HaSim.Scenarios.Running.WorkCounters.Events;
        var replays = Contract.Run("run", scripted, "--replications", "3", "--report", "--out", Path.Combine(dir, "o"));
        Assert.Equal(ExitCodes.BadInput, replays.Exit);
        Assert.Contains("--report makes pages of", replays.Err, StringComparison.Ordinal);
        var shard = Contract.Run("run", Write(dir, "f.yaml", Fleet), "--replications", "2", "--shard", "0/2", "--report", "--out", Path.Combine(dir, "o"));
        Assert.Equal(ExitCodes.BadInput, shard.Exit);
        Assert.Equal(events, HaSim.Scenarios.Running.WorkCounters.Events);
        Assert.False(Directory.Exists(Path.Combine(dir, "o")));
    }

    [Theory]
    [InlineData("--junit", "dir", "is a directory")]
    [InlineData("--junit", "", "the file name is empty")]
    [InlineData("--markdown", "file/x.md", "cannot write")]
    public void Check_refuses_an_unwritable_report_path_before_measuring_anything(string flag, string where, string message)
    {
        string dir = CliHarness.TempDirectory();
        Directory.CreateDirectory(Path.Combine(dir, "dir"));
        File.WriteAllText(Path.Combine(dir, "file"), "x");
        File.WriteAllText(Path.Combine(dir, "s.yaml"), Scripted);
        string budgets = Write(dir, "budgets.yaml", "budgets:\n  - {name: rto, scenario: s.yaml, replications: 20, goal: p99 rto <= 10 min}\n");
        long events = HaSim.Scenarios.Running.WorkCounters.Events;
        var o = Contract.Run("check", budgets, flag, where.Length == 0 ? "" : Path.Combine(dir, where), "-q", "--baselines", Path.Combine(dir, "baselines"));
        Assert.Equal(ExitCodes.BadInput, o.Exit);
        Assert.Contains($"{flag}: ", o.Err, StringComparison.Ordinal);
        Assert.Contains(message, o.Err, StringComparison.Ordinal);
        Assert.Equal(events, HaSim.Scenarios.Running.WorkCounters.Events);
    }

    [Fact]
    public void Baselines_are_replaced_as_one_set_and_an_interrupted_update_keeps_the_old_set()
    {
        string dir = CliHarness.TempDirectory();
        File.WriteAllText(Path.Combine(dir, "s.yaml"), Scripted);
        string budgets = Write(dir, "budgets.yaml", "budgets:\n  - {name: rto, scenario: s.yaml, replications: 20, goal: p99 rto <= 10 min}\n");
        string baselines = Path.Combine(dir, "baselines");
        Assert.Equal(0, Contract.Run("baseline", "update", budgets, "--baselines", baselines, "-q").Exit);
        var before = OutputSafetyTests.Snapshot(baselines);
        OutputSafetyTests.AssertComplete(baselines, before);

        using var interruption = Interruption.Manual();
        interruption.Request(ExitCodes.Terminated);
        Assert.Equal(ExitCodes.Terminated, HasimCli.Run(["baseline", "update", budgets, "--baselines", baselines, "-q", "--seed", "4"], new StringWriter(), new StringWriter(), interruption));
        Assert.Equal(before, OutputSafetyTests.Snapshot(baselines));
        NoTemporaryFolders(dir);

        var foreign = Path.Combine(dir, "foreign");
        Directory.CreateDirectory(foreign);
        File.WriteAllText(Path.Combine(foreign, "notes.txt"), "keep me");
        var refused = Contract.Run("baseline", "update", budgets, "--baselines", foreign, "-q");
        Assert.Equal(ExitCodes.BadInput, refused.Exit);
        Assert.Equal("keep me", File.ReadAllText(Path.Combine(foreign, "notes.txt")));

        // A budget may not take the manifest's file name.
        string clash = Write(dir, "clash.yaml", "budgets:\n  - {name: manifest, scenario: s.yaml, replications: 20, goal: p99 rto <= 10 min}\n");
        var reserved = Contract.Run("baseline", "update", clash, "--baselines", Path.Combine(dir, "clash"), "-q");
        Assert.Equal(ExitCodes.BadInput, reserved.Exit);
        Contract.NamesFileAndLine(reserved, clash, "name: manifest");
        Assert.Contains("'manifest' is not a budget name", reserved.Err, StringComparison.Ordinal);
    }
}
