using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Xunit.Abstractions;

namespace HaSim.Cli.Tests.Fuzz;

/// <summary>
/// Fleet files keep the contract as scenario files do: the shipped fleets, shrunk to a few databases
/// per group so each run is quick, with their counts, capacity values and lines mutated, through
/// <c>validate</c>, a replay with the invariant checkers on, and for some a short fleet Monte Carlo
/// run: no exit 70, no stack trace, bounded work and memory, and <c>validate</c> and <c>run</c> agree
/// on every file. Huge counts are refused with exit 2 naming the field, before anything is built.
/// </summary>
[Collection(FuzzCollection.Name)]
public partial class FleetContractTests(ITestOutputHelper log)
{
    /// <summary>Generated fleet files per run (HASIM_FUZZ scales it with the scenario fuzz).</summary>
    public static int Inputs => Math.Max(50, ScenarioContractTests.Inputs / 20);

    [GeneratedRegex(@"count: \d+")]
    private static partial Regex GroupCount();

    [GeneratedRegex(@"(?m)^(\s+[a-z_]+\.[a-z_.]+: ).*$")]
    private static partial Regex CapacityValue();

    private static string[] ShrunkFleets() =>
        [.. RepoPaths.FleetScenarioFiles().Select(f => GroupCount().Replace(File.ReadAllText(Path.Combine(RepoPaths.Root, f)), m => "count: " + (3 + (m.Index % 5)).ToString(CultureInfo.InvariantCulture)))];

    [Fact]
    public void Generated_fleet_files_keep_the_contract_and_validate_agrees_with_run()
    {
        var fleets = ShrunkFleets();
        Assert.NotEmpty(fleets);
        var fuzzer = new ScenarioFuzzer(ScenarioContractTests.Seed + 17, fleets);
        var random = new Random(ScenarioContractTests.Seed + 17);
        string file = Path.Combine(CliHarness.TempDirectory(), "fleet.yaml");
        var exits = new SortedDictionary<string, int>(StringComparer.Ordinal);
        long maxEvents = 0, maxAllocated = 0;
        var failures = new List<string>();
        for (int i = 0; i < Inputs && failures.Count < 10; i++)
        {
            string text = fleets[random.Next(fleets.Length)];
            string kind;
            switch (random.Next(4))
            {
                case 0:
                    kind = "count";
                    text = GroupCount().Replace(text, m => random.Next(2) == 0 ? "count: " + fuzzer.Count() : m.Value);
                    break;
                case 1:
                    kind = "capacity";
                    text = CapacityValue().Replace(text, m => random.Next(3) == 0 ? m.Groups[1].Value + fuzzer.AnyValue() : m.Value);
                    break;
                default:
                    kind = "mutated";
                    text = fuzzer.Mutated(text);
                    break;
            }

            try
            {
                Check(i, kind, text);
            }
            catch (Xunit.Sdk.XunitException e)
            {
                failures.Add($"input {i}: {e.Message}");
            }
        }

        void Check(int i, string kind, string text)
        {
            File.WriteAllText(file, text, new UTF8Encoding(false));
            var validate = Contract.Run("validate", file);
            Contract.Holds(validate, text, ExitCodes.Success, ExitCodes.BadInput);
            var run = Contract.Run("run", file, "--no-files", "--check-invariants");
            Contract.Holds(run, text, ExitCodes.Success, ExitCodes.ExpectationFailed, ExitCodes.BadInput);
            Assert.True(
                (validate.Exit == ExitCodes.BadInput) == (run.Exit == ExitCodes.BadInput),
                $"validate (exit {validate.Exit}) and run (exit {run.Exit}) disagree\n--- input ---\n{text}\n--- validate ---\n{validate.Err}\n--- run ---\n{run.Err}");
            Count(exits, $"{kind}: validate {validate.Exit}, run {run.Exit}");
            maxEvents = Math.Max(maxEvents, run.Events);
            maxAllocated = Math.Max(maxAllocated, Math.Max(run.Allocated, validate.Allocated));
            if (validate.Exit == ExitCodes.Success && i % 8 == 0)
            {
                var mc = Contract.Run("run", file, "--years", "0.02", "--replications", "2", "--threads", "1", "--quiet", "--no-files", "--max-events", "20000");
                Contract.Holds(mc, text, ExitCodes.Success, ExitCodes.BadInput);
                if (mc.Exit == ExitCodes.BadInput)
                {
                    Assert.True(mc.Err.Contains("this fleet run expects", StringComparison.Ordinal) || mc.Err.Contains("a data-loss figure can hold", StringComparison.Ordinal),
                        $"unexpected refusal\n--- input ---\n{text}\n--- stderr ---\n{mc.Err}");
                }

                Count(exits, $"monte carlo: {mc.Exit}");
                maxEvents = Math.Max(maxEvents, mc.Events);
                maxAllocated = Math.Max(maxAllocated, mc.Allocated);
            }
        }

        Assert.True(failures.Count == 0, $"{failures.Count} fleet inputs broke the contract:\n" + string.Join("\n\n", failures));
        log.WriteLine($"{Inputs} generated fleet files; most events in one command {maxEvents}, most bytes allocated {maxAllocated}");
        foreach (var (outcome, n) in exits)
        {
            log.WriteLine($"  {outcome}: {n}");
        }

        // Both sides of the contract must be reached, or the generator tests nothing.
        Assert.Contains(exits, e => e.Key.Contains("validate 0", StringComparison.Ordinal) && e.Value > Inputs / 10);
        Assert.Contains(exits, e => e.Key.Contains("validate 2", StringComparison.Ordinal) && e.Value > Inputs / 10);
    }

    [Theory]
    [InlineData("2000000000", "'2000000000' is out of range; it must be from 1 to 40000")]
    [InlineData("2147483648", "it must be from 1 to 40000")]
    [InlineData("1e12", "fleet.groups[0].count")]
    [InlineData("40001", "it must be from 1 to 40000")]
    [InlineData("0", "it must be from 1 to 40000")]
    [InlineData("-1", "fleet.groups[0].count")]
    public void A_huge_or_impossible_count_is_refused_naming_the_field_before_anything_is_built(string count, string message)
    {
        string file = Path.Combine(CliHarness.TempDirectory(), "huge.yaml");
        string text = File.ReadAllText(Path.Combine(RepoPaths.Root, "scenarios", "fleet", "mixed-az-outage.yaml")).Replace("count: 300}", $"count: {count}}}", StringComparison.Ordinal);
        File.WriteAllText(file, text);
        foreach (var args in new[] { new[] { "validate", file }, ["run", file, "--no-files"], ["run", file, "--years", "1", "--replications", "2", "--no-files"] })
        {
            var o = Contract.Run(args);
            Contract.Holds(o, text, ExitCodes.BadInput);
            Contract.NamesFileAndLine(o, file, text);
            Assert.Contains("fleet.groups[0].count", o.Err, StringComparison.Ordinal);
            Assert.Contains(message, o.Err, StringComparison.Ordinal);
            Assert.True(o.Allocated < 64 << 20, $"{string.Join(' ', args)}: {o.Allocated} bytes allocated to refuse a count");
            Assert.Equal(0, o.Events);
        }
    }

    [Fact]
    public void A_fleet_over_the_total_is_refused_naming_the_groups()
    {
        string file = Path.Combine(CliHarness.TempDirectory(), "huge.yaml");
        string text = "name: big\nfleet:\n  groups:\n    - {name: a, preset: serverless, count: 30000}\n    - {name: b, preset: serverless, count: 30000}\n    - {name: c, preset: serverless, count: 30000}\n";
        File.WriteAllText(file, text);
        var o = Contract.Run("run", file, "--no-files");
        Contract.Holds(o, text, ExitCodes.BadInput);
        Contract.NamesFileAndLine(o, file, text);
        Assert.Contains("fleet.groups: the fleet has 90000 databases; at most 40000 are allowed", o.Err, StringComparison.Ordinal);
    }

    private static void Count(SortedDictionary<string, int> counts, string key) => counts[key] = counts.GetValueOrDefault(key) + 1;
}
