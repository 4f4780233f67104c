using System.Text.RegularExpressions;
using HaSim.Scenarios.Running;

namespace HaSim.Cli.Tests.Fuzz;

/// <summary>
/// The contract every input must keep, and the counters that show it: exit 0, 1 or 2, never 70 (an
/// internal error) and never a stack trace; an exit 2 for a scenario names its file and line; the work
/// (simulation events) and memory (bytes allocated) of every command bounded.
/// </summary>
internal static partial class Contract
{
    /// <summary>The most bytes one command may allocate in the fuzz tests (a bound on its memory).</summary>
    public const long MaxAllocatedBytes = 1L << 30;

    /// <summary>The most simulation events one fuzzed command may process (scripted runs take thousands).</summary>
    public const long MaxEvents = 50_000_000;

    [GeneratedRegex(@"^(?<file>.+?):(?<line>\d+):(?<col>\d+): error: ", RegexOptions.Multiline)]
    private static partial Regex LocatedError();

    /// <summary>Runs <c>hasim</c> in-process (no signal handlers, no working-directory change) and measures it.</summary>
    public static Outcome Run(params string[] args)
    {
        var output = new StringWriter { NewLine = "\n" };
        var error = new StringWriter { NewLine = "\n" };
        using var interruption = Interruption.Manual();
        long events = WorkCounters.Events;
        long allocated = GC.GetTotalAllocatedBytes(precise: false);
        int exit = HasimCli.Run(args, output, error, interruption);
        return new Outcome(exit, output.ToString(), error.ToString(), WorkCounters.Events - events, GC.GetTotalAllocatedBytes(precise: false) - allocated);
    }

    /// <summary>Asserts the part of the contract every command keeps, with <paramref name="input"/> in the message.</summary>
    public static void Holds(Outcome o, string input, params int[] allowed)
    {
        bool ok = allowed.Contains(o.Exit) && !o.Err.Contains("   at ", StringComparison.Ordinal) && !o.Err.Contains("internal error", StringComparison.Ordinal)
            && o.Events <= MaxEvents && o.Allocated <= MaxAllocatedBytes;
        Assert.True(ok, $"contract broken: exit {o.Exit} (allowed {string.Join(", ", allowed)}), {o.Events} events, {o.Allocated} bytes allocated\n--- input ---\n{input}\n--- stderr ---\n{o.Err}");
    }

    /// <summary>Asserts that an exit 2 about <paramref name="file"/> names it with a line and column.</summary>
    public static void NamesFileAndLine(Outcome o, string file, string input)
    {
        var located = LocatedError().Matches(o.Err).Where(m => m.Groups["file"].Value == file && int.Parse(m.Groups["line"].Value, System.Globalization.CultureInfo.InvariantCulture) > 0).ToList();
        Assert.True(located.Count > 0, $"exit 2 without {file}:line:col\n--- input ---\n{input}\n--- stderr ---\n{o.Err}");
    }

    /// <summary>What one command did.</summary>
    public readonly record struct Outcome(int Exit, string Out, string Err, long Events, long Allocated);
}
