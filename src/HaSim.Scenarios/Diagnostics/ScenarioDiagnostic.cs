using System.Globalization;
using System.Text;

namespace HaSim.Scenarios.Diagnostics;

/// <summary>
/// One problem found in a scenario file: where it is (file, 1-based line and column, and the
/// path of the field such as <c>timeline[2].at</c>), what is wrong, and, where one is obvious,
/// how to fix it. <see cref="ToString"/> gives the compiler-style line the CLI prints, e.g.
/// <c>scenarios/x.yaml:12:7: error: timeline[2].at: '10 minutes later' is not a duration; use a number and a unit, e.g. '10 min'</c>.
/// </summary>
/// <param name="FilePath">The file as the user named it (shown as is).</param>
/// <param name="Line">The 1-based line, or 0 when the problem concerns the whole file.</param>
/// <param name="Column">The 1-based column, or 0 when unknown.</param>
/// <param name="FieldPath">The field path (<c>timeline[2].at</c>; sequence indexes are 0-based), or empty for the document root.</param>
/// <param name="Message">What is wrong, without a trailing full stop.</param>
/// <param name="Suggestion">How to fix it (for example <c>did you mean 'dns_ttl'?</c>), or null.</param>
/// <param name="Severity">Error or warning.</param>
public sealed record ScenarioDiagnostic(
    string FilePath,
    int Line,
    int Column,
    string FieldPath,
    string Message,
    string? Suggestion = null,
    DiagnosticSeverity Severity = DiagnosticSeverity.Error)
{
    /// <summary>The message followed by the suggestion, if any, as <c>message; suggestion</c>.</summary>
    public string FullMessage => Suggestion is null ? Message : $"{Message}; {Suggestion}";

    /// <summary>
    /// <c>file:line:column: error: field.path: message; suggestion</c>. The line and column are left
    /// out when unknown (0), and the field path when it is the document root.
    /// </summary>
    public override string ToString()
    {
        var text = new StringBuilder(FilePath);
        if (Line > 0)
        {
            text.Append(CultureInfo.InvariantCulture, $":{Line}");
            if (Column > 0)
            {
                text.Append(CultureInfo.InvariantCulture, $":{Column}");
            }
        }

        text.Append(Severity == DiagnosticSeverity.Error ? ": error: " : ": warning: ");
        if (FieldPath.Length > 0)
        {
            text.Append(FieldPath).Append(": ");
        }

        return text.Append(FullMessage).ToString();
    }
}
