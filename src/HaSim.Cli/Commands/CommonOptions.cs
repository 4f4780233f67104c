using System.CommandLine;
using System.Globalization;
using HaSim.Analysis.MonteCarlo;
using HaSim.Cli.Options;

namespace HaSim.Cli.Commands;

/// <summary>Options several verbs share.</summary>
internal static class CommonOptions
{
    public static Option<string> FormatOption() => new Option<string>("--format", "-f")
    {
        Description = "Output on stdout: 'table' (readable) or 'json' (for other tools).",
        DefaultValueFactory = _ => "table",
    }.AcceptOnlyFromAmong("table", "json");

    /// <summary>The name of <see cref="Wide"/>, which <c>HasimCli</c> reads before running a command.</summary>
    public const string WideName = "--wide";

    public static Option<bool> Wide() => new(WideName) { Description = "Print every table in full, however wide (default: reports fit 80 columns, wrapping long names and leaving out secondary columns)." };

    public static Option<ulong?> Seed(string description) => StrictOptions.OptionalWhole("--seed", "-s", description);

    public static Option<long> Replications(long defaultValue, string description = "Monte Carlo: number of replications (digits only, e.g. 1000).") => StrictOptions.Whole("--replications", "-r", description, 1, MonteCarloSettings.MaxReplications, () => defaultValue);

    public static Option<long> Threads(string description = "Worker threads (default: all cores). Results are byte-identical for any value.") => StrictOptions.Whole("--threads", "-t", description, 1, 1024, () => Environment.ProcessorCount);

    public static Option<long> MaxEvents() => StrictOptions.Whole(
        "--max-events", "",
        string.Create(CultureInfo.InvariantCulture, $"The work budget: the most random failures the run may be expected to simulate (default {RunBudget.DefaultMaxFailures:N0}, about an hour of one core). A run expected to exceed it is refused before it starts; raise it to run a huge job deliberately."),
        1, long.MaxValue, () => RunBudget.DefaultMaxFailures);
}
