using System.CommandLine;
using System.Globalization;
using System.Reflection;
using HaSim.Analysis.Budgets;

namespace HaSim.Cli.Commands;

/// <summary>The options <c>hasim check</c> and <c>hasim baseline update</c> share, and how they run a budgets file.</summary>
internal sealed class BudgetRunOptions
{
    public Argument<string> Budgets { get; } = new("budgets") { Description = "The budgets file (YAML): each budget a name, a scenario or preset, a goal such as 'p99 rto <= 120 s' and a source." };

    public Option<long?> MaxReplications { get; } = new("--max-replications") { Description = "Escalation cap for every budget, overriding the file: an inconclusive budget doubles its replications up to this many." };

    public Option<ulong?> Seed { get; } = CommonOptions.Seed("Root seed for every budget, overriding the file (baselines pair replications by seed, so a baseline made with another seed is not compared).");

    public Option<long> Threads { get; } = CommonOptions.Threads("Worker threads (default: all cores). Verdicts, replication counts and every figure are byte-identical for any value.");

    public Option<string?> Baselines { get; } = new("--baselines") { Description = "The baselines folder (default: results/baselines/<budgets file name>)." };

    public Option<bool> Quiet { get; } = new("--quiet", "-q") { Description = "No progress on stderr." };

    public Option<string> Format { get; } = CommonOptions.FormatOption();

    /// <summary>The version baselines record: the CLI's informational version.</summary>
    public static string Version { get; } = typeof(BudgetRunOptions).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "unknown";

    public void AddTo(Command command)
    {
        command.Arguments.Add(Budgets);
        foreach (var option in new Option[] { Format, MaxReplications, Seed, Threads, Baselines, Quiet })
        {
            command.Options.Add(option);
        }
    }

    /// <summary>
    /// Loads the budgets file and judges it, comparing with the baselines in --baselines (or the default
    /// folder); <paramref name="beforeRun"/> gets that folder once the input is checked and before any
    /// budget is measured (to check where the results will go).
    /// </summary>
    public (BudgetFile File, string BaselineDirectory, CheckResult Result) Run(ParseResult parse, Action<string>? beforeRun = null)
    {
        var file = BudgetFileLoader.Load(parse.GetRequiredValue(Budgets));
        int threads = (int)parse.GetValue(Threads);
        long? cap = parse.GetValue(MaxReplications);
        if (cap is { } c && (c < 1 || c > BudgetFileLoader.MaxReplicationsLimit))
        {
            throw new CliInputException($"--max-replications {c.ToString(CultureInfo.InvariantCulture)}: give a whole number from 1 to {BudgetFileLoader.MaxReplicationsLimit}.");
        }

        string dir = parse.GetValue(Baselines) ?? BaselineStore.DefaultDirectory(file);
        var error = parse.InvocationConfiguration.Error;
        bool quiet = parse.GetValue(Quiet);
        beforeRun?.Invoke(dir);
        var result = BudgetRunner.Run(file, new CheckOptions(threads, parse.GetValue(Seed), cap, dir, quiet ? null : line => error.WriteLine("hasim: " + line)), CliSession.Token);
        return (file, dir, result);
    }
}
