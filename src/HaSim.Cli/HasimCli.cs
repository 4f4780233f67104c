using System.CommandLine;
using System.Globalization;
using HaSim.Analysis.MonteCarlo;
using HaSim.Cli.Commands;
using HaSim.Cli.Options;
using HaSim.Kernel;
using HaSim.Reports.Output;
using HaSim.Reports.Text;
using HaSim.Scenarios.Diagnostics;

namespace HaSim.Cli;

/// <summary>The <c>hasim</c> command line: verbs, help with examples, exit codes, and errors without stack traces.</summary>
public static class HasimCli
{
    /// <summary>Runs <c>hasim</c> with <paramref name="args"/>, writing to the given writers (the console by default).</summary>
    /// <param name="args">The arguments.</param>
    /// <param name="output">Standard output.</param>
    /// <param name="error">Standard error.</param>
    /// <param name="interruption">What stops the run early; by default SIGINT and SIGTERM of this process.</param>
    public static int Run(string[] args, TextWriter? output = null, TextWriter? error = null, Interruption? interruption = null)
    {
        output ??= Console.Out;
        error ??= Console.Error;
        using var owned = interruption is null ? Interruption.FromSignals() : null;
        var session = interruption ?? owned!;
        var previousCulture = (Thread.CurrentThread.CurrentCulture, Thread.CurrentThread.CurrentUICulture);

        // Everything HaSim prints or writes is culture-invariant; the library formats explicitly, and
        // this keeps any number it might miss from following the machine's locale.
        Thread.CurrentThread.CurrentCulture = System.Globalization.CultureInfo.InvariantCulture;
        Thread.CurrentThread.CurrentUICulture = System.Globalization.CultureInfo.InvariantCulture;
        try
        {
            int exit = CliSession.With(session, () => Execute(args, output, error, session));
            if (exit is not ExitCodes.Cancelled and not ExitCodes.Terminated && session.ExitCode != 0)
            {
                error.WriteLine($"hasim: {session.SignalName} arrived as the command finished; its results are complete.");
                return session.ExitCode;
            }

            return exit;
        }
        finally
        {
            (Thread.CurrentThread.CurrentCulture, Thread.CurrentThread.CurrentUICulture) = previousCulture;
        }
    }

    private static int Execute(string[] args, TextWriter output, TextWriter error, Interruption session)
    {
        var root = BuildRoot();
        var parse = root.Parse(args);
        var problems = parse.Errors.Select(e => e.Message).Concat(StrictOptions.Repeated(parse)).ToList();
        if (problems.Count > 0 && parse.Action is not HelpExamples)
        {
            foreach (var message in problems)
            {
                error.WriteLine($"hasim: error: {message}");
            }

            error.WriteLine("Run 'hasim --help' (or 'hasim <command> --help') for usage and examples.");
            return ExitCodes.BadInput;
        }

        // Text reports fit 80 columns unless the command has --wide and it was given.
        bool wide = parse.CommandResult.Command.Options.FirstOrDefault(o => o.Name == CommonOptions.WideName) is Option<bool> w && parse.GetValue(w);
        using var width = ReportWidth.Use(wide ? ReportWidth.Unlimited : ReportWidth.Terminal);
        try
        {
            return parse.Invoke(new InvocationConfiguration { Output = output, Error = error, EnableDefaultExceptionHandler = false, ProcessTerminationTimeout = null });
        }
        catch (ScenarioException e)
        {
            foreach (var d in e.Diagnostics)
            {
                error.WriteLine(d.ToString());
            }

            return ExitCodes.BadInput;
        }
        catch (Exception e) when (e is CliInputException or WorkBudgetException)
        {
            error.WriteLine($"hasim: error: {e.Message}");
            return ExitCodes.BadInput;
        }
        catch (OutputPathException e)
        {
            error.WriteLine($"hasim: error: --out: {e.Message}");
            return ExitCodes.BadInput;
        }
        catch (EventLimitExceededException e)
        {
            error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"hasim: error: one run processed {e.Limit:N0} simulation events (at {HaSim.Model.Parameters.Units.FormatSeconds(e.AtSeconds)} simulated), far more than its failures and faults call for; ")
                + "some durations in this scenario are probably zero or near zero in a loop. Nothing was written.");
            return ExitCodes.BadInput;
        }
        catch (HaSim.Model.Invariants.InvariantViolationException e)
        {
            error.WriteLine($"hasim: {e.Message}");
            error.WriteLine("This is a model bug: the seed and time above reproduce it.");
            return ExitCodes.InvariantViolated;
        }
        catch (OperationCanceledException) when (session.ExitCode != 0)
        {
            error.WriteLine($"hasim: interrupted by {session.SignalName}; no new results were written and earlier results are untouched.");
            return session.ExitCode;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            error.WriteLine($"hasim: error: could not write the results: {e.Message}. Earlier results are untouched.");
            return ExitCodes.OutputFailed;
        }
        catch (Exception e) when (Environment.GetEnvironmentVariable("HASIM_DEBUG") is null)
        {
            error.WriteLine($"hasim: internal error: {e.GetType().Name}: {e.Message}");
            error.WriteLine("This is a bug. Re-run with HASIM_DEBUG=1 for a stack trace and report it with the command line and seed.");
            return ExitCodes.InternalError;
        }
    }

    private static RootCommand BuildRoot()
    {
        var root = new RootCommand("HaSim: simulate high-availability failure modes of cloud databases. How long are clients down (RTO), how much committed data is lost (RPO), how often is the SLA missed?");
        var examples = new Dictionary<Command, string[]>();
        foreach (var (command, lines) in new[] { RunCommand.Create(), ValidateCommand.Create(), PresetsCommand.Create(), CompareCommand.Create(), MergeCommand.Create(), CheckCommand.Create(), ReportCommand.Create(), SweepCommand.Create(), SchemaCommand.Create() })
        {
            root.Subcommands.Add(command);
            examples[command] = lines;
        }

        var (baseline, baselineExamples, update, updateExamples) = BaselineCommand.Create();
        root.Subcommands.Add(baseline);
        examples[baseline] = baselineExamples;
        examples[update] = updateExamples;

        examples[root] =
        [
            "hasim presets",
            "hasim run scenarios/azure/zone-redundant-primary-failure.yaml",
            "hasim validate scenarios/serverless/*.yaml",
            "hasim check scenarios/budgets.yaml --junit results/check/junit.xml",
            "hasim report results/serverless-az-outage",
        ];
        HelpExamples.Install(root, examples);
        return root;
    }
}

/// <summary>A command-line problem found after parsing (for example a missing file); reported with exit code 2.</summary>
public sealed class CliInputException(string message) : Exception(message);
