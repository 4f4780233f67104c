using System.CommandLine;
using System.Globalization;
using HaSim.Analysis.Budgets;
using HaSim.Analysis.MonteCarlo;
using HaSim.Analysis.Sweeps;
using HaSim.Cli.Options;
using HaSim.Reports.Output;
using HaSim.Reports.Pages;
using HaSim.Reports.Sweeps;

namespace HaSim.Cli.Commands;

/// <summary><c>hasim sweep</c>: runs a scenario or fleet at every point of a parameter sweep on the same seeds, reports figures with intervals and costs, and picks the cheapest point that meets a goal.</summary>
internal static class SweepCommand
{
    /// <summary>The figure reported when none is given.</summary>
    public const string DefaultFigure = "p99 client_rto";

    /// <summary>The replications per point when none are given.</summary>
    public const long DefaultReplications = 100;

    public static (Command, string[]) Create()
    {
        var scenario = new Argument<string>("scenario") { Description = "A scenario file, a file naming only its preset, or a fleet file; its 'cost:' section, if any, prices every point." };
        var param = new Option<string[]>("--param", "-p")
        {
            Description = "KEY=VALUES, repeatable: a parameter of the scenario's preset (as 'hasim presets --show' lists), 'preset', or for a fleet a capacity key (compute.spare_slots_per_az, compute.warm_pool_per_az, control_plane.concurrency, ...), GROUP.count or GROUP.KEY; VALUES a comma list (0,8,16; '30 s,1 min') or a range ('0..64 step 8', '10 s..60 s step 10 s'). Quote values with spaces.",
            Required = true,
            Arity = ArgumentArity.OneOrMore,
        };
        var grid = new Option<bool>("--grid") { Description = "Run every combination of the values (the default)." };
        var oneAtATime = new Option<bool>("--one-at-a-time") { Description = "Vary each parameter alone, the others as the file has them." };
        var years = StrictOptions.OptionalPositive("--years", "-y", "Simulated years of random failures per replication; without it each replication replays the scripted timeline on its own seed.", 1e6);
        var replications = CommonOptions.Replications(DefaultReplications, "Replications per point (the same seeds at every point; default 100).");
        var seed = CommonOptions.Seed("Root seed; overrides the file's 'seed:'. Replication i of every point is seeded from (seed, i).");
        var threads = CommonOptions.Threads();
        var figure = new Option<string[]>("--figure")
        {
            Description = "A figure to report at every point, repeatable: any figure a budget goal takes ('p99 client_rto', 'P(rto > 5 min)', 'availability', 'expected_credit'); default 'p99 client_rto', or the goal's.",
            Arity = ArgumentArity.OneOrMore,
        };
        var goal = new Option<string?>("--goal") { Description = "A goal such as 'p99 client_rto <= 5 min': the answer is the cheapest point (by cost with prices, else the first in order) whose whole confidence interval meets it." };
        var output = new Option<string?>("--out", "-o") { Description = "Directory for sweep.csv, sweep.json (format hasim.sweep/1) and sweep.txt (default: results/<scenario>/sweep), written whole or not at all." };
        var noFiles = new Option<bool>("--no-files") { Description = "Print only; write no output directory." };
        var format = CommonOptions.FormatOption();
        var report = ReportCommand.ReportOption();
        var wide = CommonOptions.Wide();
        var command = new Command("sweep", "Run a scenario or fleet at every point of a parameter sweep, with common random numbers (the same seeds, so the same failures, at every point), and report each figure with its confidence interval, each point's cost per month (resources at the file's 'cost:' prices plus the expected SLA credit), and the cheapest point whose whole interval meets --goal. "
            + "Exit codes: 0 done (and, with --goal, a point meets it); 1 no point meets the goal; 2 invalid input.")
        {
            scenario, param, grid, oneAtATime, years, replications, seed, threads, figure, goal, output, noFiles, format, report, wide,
        };
        command.SetAction(parse =>
        {
            if (parse.GetValue(grid) && parse.GetValue(oneAtATime))
            {
                throw new CliInputException("--grid and --one-at-a-time exclude each other; give one.");
            }

            if (parse.GetValue(report) && parse.GetValue(noFiles))
            {
                throw new CliInputException("--report writes into the sweep folder; it cannot be combined with --no-files.");
            }

            var subject = SweepSubject.Load(parse.GetRequiredValue(scenario));
            var parameters = parse.GetRequiredValue(param).Select(SweepParameter.Parse).ToList();
            var mode = parse.GetValue(oneAtATime) ? SweepMode.OneAtATime : SweepMode.Grid;
            var points = SweepPlan.Points(parameters, mode);
            var configurations = subject.Configure(points);
            var parsedGoal = parse.GetValue(goal) is { } g ? GoalParser.Parse(g, "--goal", subject.Architecture) : null;
            var figures = new List<Figure>();
            if (parsedGoal is not null)
            {
                figures.Add(parsedGoal.Figure);
            }

            var given = parse.GetValue(figure) ?? [];
            foreach (var text in given.Length > 0 || parsedGoal is not null ? given : [DefaultFigure])
            {
                var f = GoalParser.ParseFigure(text, "--figure", subject.Architecture);
                if (!figures.Exists(x => x.Key == f.Key))
                {
                    figures.Add(f);
                }
            }

            var request = new SweepRequest(subject, parameters, mode, figures, parsedGoal, parse.GetValue(years), parse.GetValue(replications),
                parse.GetValue(seed) ?? subject.Seed, (int)parse.GetValue(threads));
            SweepRunner.Validate(request);
            long work = checked(request.Replications * configurations.Count);
            if (work > MonteCarloSettings.MaxReplications)
            {
                throw new CliInputException(string.Create(CultureInfo.InvariantCulture, $"{configurations.Count} points x {request.Replications} replications is {work:N0} runs; at most {MonteCarloSettings.MaxReplications:N0}: fewer points or replications."));
            }

            string? dir = parse.GetValue(noFiles) ? null : parse.GetValue(output) ?? Path.Combine("results", ResultFolder.Slug(subject.Name), "sweep");
            using var folder = CliSession.Prepare(dir);
            var error = parse.InvocationConfiguration.Error;
            var result = SweepRunner.Run(request, configurations, (done, total) => error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"sweep: point {done} of {total} done")), CliSession.Token);
            if (folder is not null)
            {
                SweepOutput.Write(folder, result);
                CliSession.Commit(folder);
            }

            var stdout = parse.InvocationConfiguration.Output;
            bool json = parse.GetValue(format) == "json";
            if (json)
            {
                stdout.Write(SweepJson.Write(result));
            }
            else
            {
                stdout.Write(SweepText.Render(result));
                if (dir is not null)
                {
                    stdout.WriteLine();
                    stdout.WriteLine($"Wrote {string.Join(", ", SweepFormat.Files)} to {dir}");
                }
            }

            if (parse.GetValue(report) && dir is not null)
            {
                var files = ReportCommand.Write(dir, ReportOptions.None);
                (json ? error : stdout).WriteLine($"Wrote {files.Html} and {files.Markdown} ({files.Charts} charts)");
            }

            return parsedGoal is not null && result.Chosen is null ? ExitCodes.ExpectationFailed : ExitCodes.Success;
        });
        return (command,
        [
            "hasim sweep scenarios/fleet/serverless-2000-az-outage.yaml --param 'compute.spare_slots_per_az=0..400 step 100' --goal 'p99 client_rto <= 5 min'",
            "hasim sweep scenarios/fleet/serverless-2000-az-outage.yaml --param compute.spare_slots_per_az=0,200 --param compute.warm_pool_per_az=0,20 --replications 50 --report",
            "hasim sweep scenarios/capacity/azure-tier-cost.yaml --param preset=azure-non-ha,azure-same-zone-ha,azure-zone-redundant-ha --years 1 --replications 2000 --goal 'availability >= 99.995%'",
            "hasim sweep azure.yaml --param standby.count=1,2 --param 'failover.promote=10 s,30 s' --one-at-a-time --figure 'p99 rto' --figure 'max rpo_bytes'",
        ]);
    }
}
