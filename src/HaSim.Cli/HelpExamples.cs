using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Invocation;

namespace HaSim.Cli;

/// <summary>Adds an "Examples:" section to each command's --help.</summary>
internal sealed class HelpExamples : SynchronousCommandLineAction
{
    private readonly HelpAction _inner;
    private readonly IReadOnlyDictionary<Command, string[]> _examples;

    private HelpExamples(HelpAction inner, IReadOnlyDictionary<Command, string[]> examples)
    {
        _inner = inner;
        _examples = examples;
    }

    /// <summary>Wraps the root command's help option so help ends with the command's examples.</summary>
    public static void Install(RootCommand root, IReadOnlyDictionary<Command, string[]> examples)
    {
        foreach (var option in root.Options)
        {
            if (option is HelpOption help && help.Action is HelpAction action)
            {
                help.Action = new HelpExamples(action, examples);
            }
        }
    }

    public override int Invoke(ParseResult parseResult)
    {
        int result = _inner.Invoke(parseResult);
        if (_examples.TryGetValue(parseResult.CommandResult.Command, out var lines) && lines.Length > 0)
        {
            var output = parseResult.InvocationConfiguration.Output;
            output.WriteLine("Examples:");
            foreach (var line in lines)
            {
                output.WriteLine("  " + line);
            }

            output.WriteLine();
        }

        return result;
    }
}
