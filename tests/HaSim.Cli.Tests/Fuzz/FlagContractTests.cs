using System.Globalization;
using Xunit.Abstractions;

namespace HaSim.Cli.Tests.Fuzz;

/// <summary>
/// Generated command lines: every verb with flags drawn from valid and invalid values (group separators,
/// signs, spaces, other scripts' digits, missing values, repeated flags, unknown flags, unusable output
/// directories). Every one exits 0, 1 or 2 without a stack trace, and never writes outside its temporary folder.
/// </summary>
[Collection(FuzzCollection.Name)]
public class FlagContractTests(ITestOutputHelper log)
{
    public const int DefaultCommandLines = 2_000;

    [Fact]
    public void Generated_command_lines_keep_the_contract()
    {
        string dir = CliHarness.TempDirectory();
        string a = Path.Combine(dir, "a.yaml"), b = Path.Combine(dir, "b.yaml"), expect = Path.Combine(dir, "expect.yaml");
        File.WriteAllText(a, "preset: serverless\n");
        File.WriteAllText(b, "preset: aiven-business\ntimeline:\n  - {at: 1 min, target: primary, fault: fail}\n");
        File.WriteAllText(expect, "preset: aiven-startup\ntimeline:\n  - {at: 1 min, target: primary, fault: crash}\nexpect:\n  - {metric: rto, max: 1 s}\n");
        var fuzzer = new ScenarioFuzzer(ScenarioContractTests.Seed, []);
        string[] verbs = ["run", "run", "run", "validate", "compare", "merge", "presets"];
        string[] files = [a, b, expect, Path.Combine(dir, "missing.yaml"), dir];
        string[] outs = ["", "/", ".", "..", Path.Combine(dir, "out"), Path.Combine(dir, "out", "nested"), Path.Combine(a, "x"), a];
        string[] numeric = ["--years", "--replications", "--seed", "--threads", "--max-events", "-y", "-r", "-s", "-t"];
        string[] other = ["--shard", "--format", "--out", "--no-files", "--quiet", "--check-invariants", "--show", "--bogus", "-x", "--"];
        var exits = new SortedDictionary<int, int>();
        int lines = int.TryParse(Environment.GetEnvironmentVariable("HASIM_FUZZ_FLAGS"), NumberStyles.None, CultureInfo.InvariantCulture, out int n) ? n : DefaultCommandLines;
        for (int i = 0; i < lines; i++)
        {
            string verb = verbs[fuzzer.Index(verbs.Length)];
            var args = new List<string> { verb };
            int positional = verb switch { "presets" => 0, "compare" => 2, _ => 1 };
            for (int k = 0; k < positional + (fuzzer.Maybe(20) ? 1 : 0); k++)
            {
                args.Add(verb == "merge" ? Path.Combine(dir, "out", "shard-" + fuzzer.Index(3)) : files[fuzzer.Index(files.Length)]);
            }

            int flags = fuzzer.Index(5);
            for (int k = 0; k < flags; k++)
            {
                if (fuzzer.Maybe(55))
                {
                    args.Add(numeric[fuzzer.Index(numeric.Length)]);
                    if (fuzzer.Maybe(92))
                    {
                        args.Add(fuzzer.FlagNumber());
                    }
                }
                else
                {
                    string flag = other[fuzzer.Index(other.Length)];
                    args.Add(flag);
                    switch (flag)
                    {
                        case "--shard":
                            args.Add(new[] { "0/2", "1/2", "2/2", "0 / 2", " 0/2", "0/0", "-1/2", "0/2/3", "1,0/2", "0/1" }[fuzzer.Index(10)]);
                            break;
                        case "--format":
                            args.Add(new[] { "json", "table", "xml", "" }[fuzzer.Index(4)]);
                            break;
                        case "--out":
                            args.Add(outs[fuzzer.Index(outs.Length)]);
                            break;
                        case "--show":
                            args.Add(new[] { "serverless", "aiven", "" }[fuzzer.Index(3)]);
                            break;
                    }
                }
            }

            // Keep every run small: a budget the fuzz cannot raise (the flag given twice is an error itself).
            if (verb is "run" or "compare" && !args.Contains("--max-events"))
            {
                args.AddRange(["--max-events", "20000"]);
            }

            if (verb is "run" or "merge" or "compare" && !args.Contains("--out") && !args.Contains("--no-files") && verb != "compare")
            {
                args.Add("--no-files");
            }

            var outcome = Contract.Run([.. args]);
            string input = string.Join(" ", args.Select(x => $"'{x}'"));
            Contract.Holds(outcome, input, ExitCodes.Success, ExitCodes.ExpectationFailed, ExitCodes.BadInput);
            exits[outcome.Exit] = exits.GetValueOrDefault(outcome.Exit) + 1;
        }

        // Nothing may have been written outside the temporary folder's own 'out' tree.
        Assert.Empty(Directory.EnumerateFileSystemEntries(dir).Select(Path.GetFileName).Except(["a.yaml", "b.yaml", "expect.yaml", "out"]));
        log.WriteLine($"{lines} generated command lines: " + string.Join(", ", exits.Select(e => $"exit {e.Key}: {e.Value}")));
        Assert.True(exits.GetValueOrDefault(ExitCodes.Success) > lines / 50 && exits.GetValueOrDefault(ExitCodes.BadInput) > lines / 5, "the generator must reach both success and refusal");
    }
}
