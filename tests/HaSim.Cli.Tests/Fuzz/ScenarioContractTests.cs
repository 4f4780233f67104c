using System.Globalization;
using System.Text;
using Xunit.Abstractions;

namespace HaSim.Cli.Tests.Fuzz;

/// <summary>Runs every fuzz test alone, so the allocation counters see only the command under test.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class FuzzCollection
{
    public const string Name = "fuzz";
}

/// <summary>
/// Generated scenario files (<see cref="ScenarioFuzzer"/>) through <c>validate</c>, a scripted
/// <c>run</c> with the invariant checkers on, and for some a short Monte Carlo run: every one keeps
/// the contract, and <c>validate</c> and <c>run</c> agree on every file. <c>HASIM_FUZZ=N</c> runs N
/// inputs instead of the default, <c>HASIM_FUZZ_SEED</c> starts elsewhere; a failure prints the input,
/// which belongs in <c>tests/HaSim.Cli.Tests/corpus/</c> once fixed.
/// </summary>
[Collection(FuzzCollection.Name)]
public class ScenarioContractTests(ITestOutputHelper log)
{
    public const int DefaultInputs = 10_000;

    public static int Inputs => int.TryParse(Environment.GetEnvironmentVariable("HASIM_FUZZ"), NumberStyles.None, CultureInfo.InvariantCulture, out int n) ? n : DefaultInputs;

    public static int Seed => int.TryParse(Environment.GetEnvironmentVariable("HASIM_FUZZ_SEED"), NumberStyles.None, CultureInfo.InvariantCulture, out int s) ? s : 1;

    [Fact]
    public void Generated_scenarios_keep_the_contract_and_validate_agrees_with_run()
    {
        var shipped = RepoPaths.ShippedScenarioFiles().Select(f => File.ReadAllText(Path.Combine(RepoPaths.Root, f))).ToArray();
        var fuzzer = new ScenarioFuzzer(Seed, shipped);
        string file = Path.Combine(CliHarness.TempDirectory(), "fuzz.yaml");
        var exits = new SortedDictionary<string, int>(StringComparer.Ordinal);
        long maxEvents = 0, maxAllocated = 0, monteCarlo = 0;
        var failures = new List<string>();
        for (int i = 0; i < Inputs && failures.Count < 20; i++)
        {
            string text = fuzzer.Next(allowExpect: true);
            try
            {
                Check(i, text);
            }
            catch (Xunit.Sdk.XunitException e)
            {
                failures.Add($"input {i}: {e.Message}");
            }
        }

        void Check(int i, string text)
        {
            File.WriteAllText(file, text, new UTF8Encoding(false));

            var validate = Contract.Run("validate", file);
            Contract.Holds(validate, text, ExitCodes.Success, ExitCodes.BadInput);
            if (validate.Exit == ExitCodes.BadInput)
            {
                Contract.NamesFileAndLine(validate, file, text);
            }

            var run = Contract.Run("run", file, "--no-files", "--check-invariants");
            Contract.Holds(run, text, ExitCodes.Success, ExitCodes.ExpectationFailed, ExitCodes.BadInput);
            Assert.True(
                (validate.Exit == ExitCodes.BadInput) == (run.Exit == ExitCodes.BadInput) && (run.Exit != ExitCodes.BadInput || run.Err == validate.Err),
                $"validate (exit {validate.Exit}) and run (exit {run.Exit}) disagree\n--- input ---\n{text}\n--- validate ---\n{validate.Err}\n--- run ---\n{run.Err}");
            Count(exits, $"{fuzzer.LastKind}: validate {validate.Exit}, run {run.Exit}");
            maxEvents = Math.Max(maxEvents, run.Events);
            maxAllocated = Math.Max(maxAllocated, Math.Max(run.Allocated, validate.Allocated));

            if (validate.Exit == ExitCodes.Success && i % 10 == 0)
            {
                monteCarlo++;
                string years = fuzzer.Maybe(50) ? "0.05" : "1";
                var mc = Contract.Run("run", file, "--years", years, "--replications", "2", "--threads", "1", "--quiet", "--no-files", "--max-events", "50000");
                Contract.Holds(mc, text, ExitCodes.Success, ExitCodes.BadInput);
                if (mc.Exit == ExitCodes.BadInput)
                {
                    Assert.True(mc.Err.Contains("expect: checks the scripted incidents of a replay", StringComparison.Ordinal) || mc.Err.Contains("this run expects", StringComparison.Ordinal)
                        || mc.Err.Contains("a data-loss figure can hold", StringComparison.Ordinal), $"unexpected refusal\n--- input ---\n{text}\n--- stderr ---\n{mc.Err}");
                }

                Count(exits, $"monte carlo: {mc.Exit}");
                maxEvents = Math.Max(maxEvents, mc.Events);
                maxAllocated = Math.Max(maxAllocated, mc.Allocated);
            }
        }

        Assert.True(failures.Count == 0, $"{failures.Count} inputs broke the contract:\n" + string.Join("\n\n", failures));

        log.WriteLine($"{Inputs} generated scenario files (seed {Seed}), {monteCarlo} also run as Monte Carlo; most events in one command {maxEvents}, most bytes allocated {maxAllocated}");
        foreach (var (outcome, n) in exits)
        {
            log.WriteLine($"  {outcome}: {n}");
        }

        // The generator must reach both sides of the contract, or it tests nothing.
        Assert.Contains(exits, e => e.Key.StartsWith("structured: validate 0", StringComparison.Ordinal) && e.Value > Inputs / 20);
        Assert.Contains(exits, e => e.Key.StartsWith("structured: validate 2", StringComparison.Ordinal) && e.Value > Inputs / 20);
    }

    [Fact]
    public void Every_parameter_at_and_beyond_the_edges_of_its_domain_is_refused_or_runs_to_the_end()
    {
        string file = Path.Combine(CliHarness.TempDirectory(), "edge.yaml");
        var exits = new SortedDictionary<string, int>(StringComparer.Ordinal);
        int inputs = 0;
        var failures = new List<string>();
        foreach (var (label, text) in BoundarySweep.Inputs())
        {
            inputs++;
            try
            {
                Sweep(file, label, text, exits);
            }
            catch (Xunit.Sdk.XunitException e)
            {
                failures.Add(e.Message);
            }
        }

        log.WriteLine($"{inputs} edge values");
        foreach (var (outcome, n) in exits)
        {
            log.WriteLine($"  {outcome}: {n}");
        }

        Assert.True(failures.Count == 0, $"{failures.Count} of {inputs} edge values broke the contract:\n" + string.Join("\n\n", failures.Take(40)));
    }

    private static void Sweep(string file, string label, string text, SortedDictionary<string, int> exits)
    {
        {
            File.WriteAllText(file, text, new UTF8Encoding(false));
            var validate = Contract.Run("validate", file);
            Contract.Holds(validate, text, ExitCodes.Success, ExitCodes.BadInput);
            var run = Contract.Run("run", file, "--no-files", "--check-invariants");
            Contract.Holds(run, text, ExitCodes.Success, ExitCodes.BadInput);
            Assert.True((validate.Exit == ExitCodes.BadInput) == (run.Exit == ExitCodes.BadInput), $"{label}: validate {validate.Exit}, run {run.Exit}\n{run.Err}");
            if (validate.Exit == ExitCodes.BadInput)
            {
                Contract.NamesFileAndLine(validate, file, text);
                Assert.True(new[] { "must", "not a", "more than", "less than", "negative", "out of range", "too large" }.Any(w => validate.Err.Contains(w, StringComparison.Ordinal)), $"{label}: no allowed range given\n{validate.Err}");
                Count(exits, "refused");
                return;
            }

            var mc = Contract.Run("run", file, "--years", "1", "--replications", "2", "--threads", "1", "--quiet", "--no-files", "--max-events", "100000");
            Contract.Holds(mc, text, ExitCodes.Success, ExitCodes.BadInput);
            Assert.True(mc.Exit == ExitCodes.Success || mc.Err.Contains("this run expects", StringComparison.Ordinal) || mc.Err.Contains("a data-loss figure can hold", StringComparison.Ordinal), $"{label}: Monte Carlo refused\n{mc.Err}");
            Count(exits, $"runs; Monte Carlo {mc.Exit}");
        }
    }

    private static void Count(SortedDictionary<string, int> counts, string key) => counts[key] = counts.GetValueOrDefault(key) + 1;
}
