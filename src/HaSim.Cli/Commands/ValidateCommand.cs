using System.CommandLine;
using HaSim.Scenarios.Binding;
using HaSim.Scenarios.Diagnostics;
using HaSim.Scenarios.Fleet;

namespace HaSim.Cli.Commands;

/// <summary><c>hasim validate</c>: checks scenario files without running them, every file given.</summary>
internal static class ValidateCommand
{
    public static (Command, string[]) Create()
    {
        var files = new Argument<string[]>("scenarios") { Description = "One or more scenario files; every one is checked and reported.", Arity = ArgumentArity.OneOrMore };
        var command = new Command("validate", "Check scenario files (syntax, preset, parameters and their ranges, units, targets, faults) exactly as 'run' reads them, without running them. Every file is checked; exit code 2 if any is invalid.")
        {
            files,
        };
        command.SetAction(parse =>
        {
            var output = parse.InvocationConfiguration.Output;
            var error = parse.InvocationConfiguration.Error;
            int bad = 0;
            Exception? bug = null;
            foreach (var file in parse.GetRequiredValue(files))
            {
                CliSession.Token.ThrowIfCancellationRequested();
                try
                {
                    if (FleetScenarioLoader.TryLoad(file) is { } fleet)
                    {
                        output.WriteLine($"ok    {file}: fleet of {fleet.DatabaseCount} databases in {fleet.Groups.Count} group(s) ({string.Join(", ", fleet.Groups.Select(g => $"{g.Name}: {g.Count} x {g.Preset.Name}"))}), {fleet.Timeline.Count} fault(s), {fleet.CapacityOverrides.Count} capacity override(s)");
                        continue;
                    }

                    var s = ScenarioLoader.Load(file);
                    output.WriteLine($"ok    {file}: preset {s.Preset.Name}, {s.Timeline.Count} fault(s), {s.Overrides.Count} override(s), {s.Expectations.Count} expectation(s)");
                }
                catch (ScenarioException e)
                {
                    bad++;
                    foreach (var d in e.Diagnostics)
                    {
                        error.WriteLine(d.ToString());
                    }
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    // A bug must not hide the files after it: report it, check the rest, then fail as a bug.
                    error.WriteLine($"{file}: internal error while checking: {e.GetType().Name}: {e.Message}");
                    bug ??= e;
                }
            }

            if (bug is not null)
            {
                System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(bug).Throw();
            }

            return bad == 0 ? ExitCodes.Success : ExitCodes.BadInput;
        });
        return (command, ["hasim validate scenarios/azure/zone-redundant-primary-failure.yaml", "hasim validate scenarios/*/*.yaml", "hasim validate scenarios/fleet/*.yaml"]);
    }
}
