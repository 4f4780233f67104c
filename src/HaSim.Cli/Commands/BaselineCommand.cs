using System.CommandLine;
using HaSim.Reports.Budgets;
using HaSim.Reports.Output;

namespace HaSim.Cli.Commands;

/// <summary><c>hasim baseline update</c>: measures every budget and writes its baseline file, to be committed.</summary>
internal static class BaselineCommand
{
    public static (Command Command, string[] Examples, Command Update, string[] UpdateExamples) Create()
    {
        var options = new BudgetRunOptions();
        var update = new Command("update", "Judge every budget of a budgets file as 'hasim check' does, compare with the old baselines, and write one baseline per budget (estimate, interval, replications, per-batch figures, scenario hash, HaSim version) to results/baselines/<budgets file name>/ with a manifest.json, replacing the folder as one set (baselines of budgets the file no longer has go; an interrupted or failed update leaves the old set untouched). Commit the folder: 'hasim check' compares against it.");
        options.AddTo(update);
        update.SetAction(parse =>
        {
            ResultFolder? folder = null;
            try
            {
                var (_, dir, result) = options.Run(parse, d => folder = BaselineFiles.Prepare(d));
                CliSession.Token.ThrowIfCancellationRequested();
                return Report(parse, options, dir, result, BaselineFiles.Write(folder!, result, BudgetRunOptions.Version));
            }
            finally
            {
                folder?.Dispose();
            }
        });
        var baseline = new Command("baseline", "Manage the committed baselines that 'hasim check' compares budgets against.") { update };
        string[] examples = ["hasim baseline update scenarios/budgets.yaml && git add results/baselines"];
        return (baseline, examples, update, [.. examples, "hasim baseline update budgets.yaml --baselines out/baselines --threads 2"]);
    }

    private static int Report(ParseResult parse, BudgetRunOptions options, string dir, HaSim.Analysis.Budgets.CheckResult result, (IReadOnlyList<string> Written, IReadOnlyList<string> Removed) files)
    {
        var (written, removed) = files;
        var stdout = parse.InvocationConfiguration.Output;
        if (parse.GetValue(options.Format) == "json")
        {
            stdout.Write(CheckJson.Write(result, "baselines_written"));
            return ExitCodes.Success;
        }

        stdout.Write(CheckReport.Render(result, "BASELINES WRITTEN"));
        stdout.WriteLine($"Wrote {written.Count} baseline{(written.Count == 1 ? "" : "s")} to {dir} (hasim {BudgetRunOptions.Version}); the comparison above is with the baselines they replace.");
        foreach (var old in removed)
        {
            stdout.WriteLine($"Removed {old}: no budget of that name any more.");
        }

        return ExitCodes.Success;
    }
}
