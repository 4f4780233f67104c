using System.Globalization;
using System.Text.RegularExpressions;
using HaSim.Cli.Tests.Fuzz;

namespace HaSim.Cli.Tests;

/// <summary>
/// Every input that once broke the contract, kept under <c>corpus/</c> with what it must give now:
/// <c># expect: EXIT [LINE:COL] TEXT</c> for <c>validate</c> and a scripted <c>run</c> (which must agree),
/// and optionally <c># monte-carlo: EXIT TEXT | FLAGS</c>. A file with no header (an empty one) must
/// be refused at line 1 as empty.
/// </summary>
public partial class RegressionCorpusTests
{
    public static TheoryData<string> Files() => [.. Directory.EnumerateFiles(Path.Combine(RepoPaths.Root, "tests", "HaSim.Cli.Tests", "corpus")).Select(f => Path.GetFileName(f)).Order(StringComparer.Ordinal)];

    [Theory]
    [MemberData(nameof(Files))]
    public void A_corpus_input_gives_what_its_header_says(string name)
    {
        string path = Path.Combine(RepoPaths.Root, "tests", "HaSim.Cli.Tests", "corpus", name);
        string text = File.ReadAllText(path);
        var expect = Expect().Match(text);
        int exit = expect.Success ? int.Parse(expect.Groups["exit"].Value, CultureInfo.InvariantCulture) : ExitCodes.BadInput;
        string at = expect.Success ? expect.Groups["at"].Value : "1:1";
        string message = expect.Success ? expect.Groups["text"].Value.Trim() : "the file is empty";

        var validate = Contract.Run("validate", path);
        var run = Contract.Run("run", path, "--no-files", "--check-invariants");
        Contract.Holds(validate, text, ExitCodes.Success, ExitCodes.BadInput);
        Contract.Holds(run, text, ExitCodes.Success, ExitCodes.ExpectationFailed, ExitCodes.BadInput);
        Assert.Equal(exit, validate.Exit);
        Assert.Equal(exit, run.Exit);
        if (exit == ExitCodes.BadInput)
        {
            Assert.Equal(validate.Err, run.Err);
            Assert.Contains($"{path}:{at}: error: ", validate.Err, StringComparison.Ordinal);
            Assert.Contains(message, validate.Err, StringComparison.Ordinal);
        }

        if (MonteCarlo().Match(text) is { Success: true } mc)
        {
            var flags = mc.Groups["flags"].Value.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            var outcome = Contract.Run(["run", path, "--no-files", "--quiet", .. flags]);
            Contract.Holds(outcome, text, ExitCodes.Success, ExitCodes.BadInput);
            Assert.Equal(int.Parse(mc.Groups["exit"].Value, CultureInfo.InvariantCulture), outcome.Exit);
            Assert.Contains(mc.Groups["text"].Value.Trim(), outcome.Err, StringComparison.Ordinal);
        }
    }

    [GeneratedRegex(@"^# expect: (?<exit>\d+)(?: (?<at>\d+:\d+))?(?<text>.*)$", RegexOptions.Multiline)]
    private static partial Regex Expect();

    [GeneratedRegex(@"^# monte-carlo: (?<exit>\d+) (?<text>[^|]*)\| (?<flags>.*)$", RegexOptions.Multiline)]
    private static partial Regex MonteCarlo();
}
