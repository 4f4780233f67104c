using System.CommandLine;

namespace HaSim.Cli.Commands;

/// <summary>Options several verbs share.</summary>
internal static class CommonOptions
{
    public static Option<string> FormatOption() => new Option<string>("--format", "-f")
    {
        Description = "Output on stdout: 'table' (readable) or 'json' (for other tools).",
        DefaultValueFactory = _ => "table",
    }.AcceptOnlyFromAmong("table", "json");
}
