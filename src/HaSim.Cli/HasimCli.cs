using System.CommandLine;
using HaSim.Cli.Commands;
using HaSim.Scenarios.Diagnostics;

namespace HaSim.Cli;

/// <summary>The <c>hasim</c> command line: verbs, help with examples, exit codes, and errors without stack traces.</summary>
public static class HasimCli
{
    /// <summary>Runs <c>hasim</c> with <paramref name="args"/>, writing to the given writers (the console by default).</summary>
    public static int Run(string[] args, TextWriter? output = null, TextWriter? error = null)
    {
        output ??= Console.Out;
        error ??= Console.Error;
        var root = BuildRoot();
        var parse = root.Parse(args);
        if (parse.Errors.Count > 0 && parse.Action is not HelpExamples)
        {
            foreach (var e in parse.Errors)
            {
                error.WriteLine($"hasim: error: {e.Message}");
            }

            error.WriteLine("Run 'hasim --help' (or 'hasim <command> --help') for usage and examples.");
            return ExitCodes.BadInput;
        }

        try
        {
            return parse.Invoke(new InvocationConfiguration { Output = output, Error = error, EnableDefaultExceptionHandler = false });
        }
        catch (ScenarioException e)
        {
            foreach (var d in e.Diagnostics)
            {
                error.WriteLine(d.ToString());
            }

            return ExitCodes.BadInput;
        }
        catch (CliInputException e)
        {
            error.WriteLine($"hasim: error: {e.Message}");
            return ExitCodes.BadInput;
        }
        catch (HaSim.Model.Invariants.InvariantViolationException e)
        {
            error.WriteLine($"hasim: {e.Message}");
            error.WriteLine("This is a model bug: the seed and time above reproduce it.");
            return ExitCodes.InvariantViolated;
        }
        catch (OperationCanceledException)
        {
            error.WriteLine("hasim: cancelled; no results were written.");
            return ExitCodes.Cancelled;
        }
        catch (IOException e)
        {
            error.WriteLine($"hasim: error: {e.Message}");
            return ExitCodes.BadInput;
        }
        catch (UnauthorizedAccessException e)
        {
            error.WriteLine($"hasim: error: {e.Message}");
            return ExitCodes.BadInput;
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
        foreach (var (command, lines) in new[] { RunCommand.Create(), ValidateCommand.Create(), PresetsCommand.Create(), CompareCommand.Create(), MergeCommand.Create(), CheckCommand.Create(), ReportCommand.Create() })
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
